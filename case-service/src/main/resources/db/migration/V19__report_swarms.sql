-- The swarm reports' read model: swarms from swarm-events, the experts in the directory from expert-events. A
-- member's row is filled in from both topics, which arrive in no order with each other: each event sets its own
-- columns, so it does not matter which comes first.

create table report_swarm (
    swarm_id        uuid        primary key,
    case_id         uuid        not null,
    pod_id          text,
    requested_at    timestamptz not null,
    first_joined_at timestamptz
);

create index report_swarm_requested on report_swarm (requested_at);
create index report_swarm_case on report_swarm (case_id, requested_at);

create table report_swarm_member (
    swarm_id    uuid        not null,
    person_id   text        not null,
    invited_at  timestamptz,
    -- When they joined, or the owner added them: their first time in the swarm.
    joined_at   timestamptz,
    declined_at timestamptz,
    expired_at  timestamptz,
    -- Invited from outside the swarm's pod (the expert finder says so); null when the swarm has no pod.
    cross_pod   boolean,
    primary key (swarm_id, person_id)
);

create index report_swarm_member_joined on report_swarm_member (joined_at);

create table report_expert (
    person_id     text        primary key,
    registered_at timestamptz not null
);
