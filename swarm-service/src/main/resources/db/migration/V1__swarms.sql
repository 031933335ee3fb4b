-- Cases as the swarm service knows them from case-events: enough to check a swarm request.
create table known_case (
    case_id  uuid primary key,
    number   text not null,
    subject  text not null,
    owner_id text,
    status   text not null
);

-- The read model of swarms, with their members as a JSON list in the order they were invited.
create table swarm_view (
    swarm_id     uuid        primary key,
    case_id      uuid        not null,
    case_number  text        not null,
    owner_id     text        not null,
    question     text        not null,
    steps_tried  text,
    skills       jsonb       not null,
    team_size    int         not null,
    status       text        not null,
    members      jsonb       not null,
    requested_at timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null
);
create index swarm_view_case on swarm_view (case_id);

-- The collaboration feed.
create table swarm_post (
    post_id   uuid        primary key,
    swarm_id  uuid        not null,
    author_id text        not null,
    text      text        not null,
    posted_at timestamptz not null
);
create index swarm_post_swarm on swarm_post (swarm_id, posted_at);
