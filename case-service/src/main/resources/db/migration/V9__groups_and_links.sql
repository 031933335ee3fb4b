-- Groups of agents, each a queue cases sit in: this service's configuration, kept as a plain table
-- rather than an event stream (see AgentGroup). Never deleted, so a case's group always exists.
create table agent_group (
    id         text        primary key check (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name       text        not null,
    member_ids jsonb       not null,
    skills     jsonb       not null,
    products   jsonb       not null,
    updated_at timestamptz not null,
    updated_by text        not null
);

-- The case view learns a case's group (a group's queue: GET /cases?group=billing-l1&unassigned=true),
-- its links to other cases, and the case a duplicate was merged into.
alter table case_view
    add column group_id           text,
    add column links              jsonb not null default '[]',
    add column merged_into_id     uuid,
    add column merged_into_number text;

create index case_view_group_queue on case_view (group_id, status, priority_rank desc, opened_at, id);
-- A survivor's conversation gathers the cases merged into it.
create index case_view_merged_into on case_view (merged_into_id) where merged_into_id is not null;

-- A merged conversation spans cases, so it is ordered (and paged) by when each message was written,
-- then by its id; each message is marked with the number of the case it was written on.
alter table case_message add column case_number text;
update case_message m set case_number = v.number from case_view v where v.id = m.case_id;
alter table case_message alter column case_number set not null;
create index case_message_conversation on case_message (case_id, added_at, message_id);
