alter table case_view
    add column owner_id           text,
    add column resolution_summary text,
    add column helped_by          jsonb,
    add column resolved_at        timestamptz;

-- Swarms on each case, as reported by swarm-service's events.
create table case_swarm (
    swarm_id   uuid        primary key,
    case_id    uuid        not null,
    status     text        not null,
    question   text,
    member_ids jsonb       not null,
    updated_at timestamptz not null
);
create index case_swarm_case on case_swarm (case_id);

-- Articles suggested for each case, as reported by knowledge-service's events.
create table case_suggestions (
    case_id      uuid        primary key,
    suggestions  jsonb       not null,
    suggested_at timestamptz
);
