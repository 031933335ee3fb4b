-- The product a case is about (case-opened, and each case-updated that changes it): it routes the case's
-- swarms to the pod whose products include it.
alter table known_case add column product text;

-- Pods as the expert finder defines them (pod-defined): which products they cover, and who leads them
-- (a pod's leads see and steer its swarms).
create table pod (
    pod_id        text        primary key,
    name          text        not null,
    products      jsonb       not null,
    members       jsonb       not null,
    leads         jsonb       not null,
    slack_channel text,
    updated_at    timestamptz not null
);

-- The pod a swarm was routed to (null: none) and its type; swarms asked for before types are standard.
alter table swarm_view
    add column pod_id text,
    add column type   text not null default 'STANDARD';
create index swarm_view_pod on swarm_view (pod_id, status, requested_at) where pod_id is not null;
