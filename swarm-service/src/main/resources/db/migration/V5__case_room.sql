-- What a swarm's room shows of its case next to the feed, kept current from case-service's events: the
-- customer, each SLA milestone's state, and the latest public messages (never internal notes). Number,
-- subject and priority are known_case's.
create table case_room (
    case_id               uuid  primary key,
    customer_name         text,
    customer_organisation text,
    -- {"first-response": {"state": "warning", "dueAt": "…", "since": "…"}, …}
    sla                   jsonb not null,
    -- Oldest first, at most five: [{"messageId", "authorRole", "body", "addedAt"}]
    latest_messages       jsonb not null
);
