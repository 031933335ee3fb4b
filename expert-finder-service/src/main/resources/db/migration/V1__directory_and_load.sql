-- The materialised skills/capacity view: who knows what, who can be reached, who carries what now.
create table expert_profile (
    person_id   text        primary key,
    name        text        not null,
    email       text        not null,
    chat_handle text,
    time_zone   text        not null,
    work_start  time        not null,
    work_end    time        not null,
    skills      jsonb       not null,
    capacity    int         not null,
    presence    text        not null,
    updated_at  timestamptz not null
);

-- One row per swarm a person is invited to (pending) or works in (joined): their load.
create table expert_assignment (
    swarm_id  uuid not null,
    person_id text not null,
    status    text not null,
    primary key (swarm_id, person_id)
);
create index expert_assignment_person on expert_assignment (person_id);

-- What each swarm asked for, from swarm-requested; open until the swarm closes.
create table swarm_staffing (
    swarm_id  uuid    primary key,
    case_id   uuid    not null,
    owner_id  text    not null,
    skills    jsonb   not null,
    team_size int     not null,
    open      boolean not null
);
