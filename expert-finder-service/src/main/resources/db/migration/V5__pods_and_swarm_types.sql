-- Pods: teams per product or area, as their pod-defined events say (the whole definition each time).
create table pod (
    pod_id        text        primary key,
    name          text        not null,
    products      jsonb       not null,
    skills        jsonb       not null,
    members       jsonb       not null,
    leads         jsonb       not null,
    slack_channel text,
    updated_at    timestamptz not null
);

-- The pod a swarm was routed to (its members are preferred; others are invited cross-pod) and the
-- swarm's type (standard, urgent, backlog), which sets how long an invitation waits. Null on swarms
-- requested before either was sent.
alter table swarm_staffing
    add column pod_id text,
    add column type   text;
