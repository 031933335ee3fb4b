-- The reporting model's rebuild runs as a job: its state, kept here so that any replica answers how it goes, and a
-- heartbeat, so that a rebuild whose process died is seen as abandoned and may be started again.
create table report_rebuild (
    id              int         primary key check (id = 1),
    state           text        not null check (state in ('running', 'done', 'failed')),
    started_at      timestamptz not null,
    heartbeat_at    timestamptz not null,
    finished_at     timestamptz,
    events_replayed bigint      not null default 0,
    failure         text
);

-- Business time: each case counts on the calendar of its SLA (the default calendar until one is applied), and a
-- first response and a resolution keep their working time since the opening, with the length of that calendar's
-- working day, so that business days are that time in working days.
alter table report_case add column calendar_id text not null default 'default';
alter table report_happening add column business_seconds bigint;
alter table report_happening add column business_day_seconds bigint;

-- Which pod covers each product (from pod-defined on expert-events), as swarms are routed: the desk of now counts
-- its unresolved cases by the pod of their product. Products are kept lower-cased, as the routing ignores case.
create table report_pod_product (
    product text primary key,
    pod_id  text not null
);

-- The desk of now looks for milestones not met yet: few, among every milestone of the desk's history.
create index report_sla_unmet on report_sla (case_id) where met_at is null;
