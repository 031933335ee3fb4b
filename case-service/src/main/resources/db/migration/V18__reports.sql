-- The reporting read model behind /reports: fed by case-events through a consumer group of its own
-- (case-service-reporting, with its own inbox rows), written by nothing else, and rebuilt by replaying the topic.

-- Each case as a lead counts it now.
create table report_case (
    case_id           uuid        primary key,
    number            text        not null,
    channel           text        not null,
    product           text,
    priority          text        not null,
    status            text        not null,
    owner_id          text,
    group_id          text,
    tags              jsonb       not null default '[]',
    opened_at         timestamptz not null,
    -- Since when the customer has waited for a person's public reply; null while nobody waits.
    awaiting_since    timestamptz,
    first_response_at timestamptz
);

create index report_case_unresolved on report_case (status) where status not in ('resolved', 'closed');

-- What a period counts, each at the moment it happened: one row per event that counts.
create table report_happening (
    event_id   uuid        primary key,
    case_id    uuid        not null references report_case (case_id),
    kind       text        not null check (kind in ('opened', 'first-response', 'resolved', 'reopened', 'closed')),
    at         timestamptz not null,
    -- first-response and resolved: the time since the case was opened.
    seconds    bigint,
    -- +1 when the case joins the backlog (opened, reopened), -1 when it leaves it (resolved, closed unresolved).
    backlog    int         not null,
    -- A resolution the case was reopened after: still a resolution, but not the one that closed the case.
    reopened   boolean     not null default false,
    -- The case as it is now, copied here (and kept as the case changes) so that a period's figures, filtered by
    -- any of them, read the happenings of the period alone, without a join to every case.
    priority   text        not null,
    channel    text        not null,
    product    text,
    group_id   text,
    owner_id   text,
    tags       jsonb       not null default '[]'
);

create index report_happening_at on report_happening (at);
create index report_happening_case on report_happening (case_id, kind, at);

-- Each time an SLA milestone of a case came due: warned, breached, met (in time or late).
create table report_sla (
    id          bigint      generated always as identity primary key,
    case_id     uuid        not null references report_case (case_id),
    milestone   text        not null,
    policy_id   text        not null,
    due_at      timestamptz not null,
    warned_at   timestamptz,
    breached_at timestamptz,
    met_at      timestamptz,
    in_time     boolean
);

create index report_sla_case on report_sla (case_id, milestone);
create index report_sla_settled on report_sla ((coalesce(breached_at, met_at)));
