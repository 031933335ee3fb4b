-- What the expert finder learns of people from events: evidence of knowledge (swarms credited on, cases
-- resolved, articles written) and of fatigue (invitations, declines). One row per person, kind and source, so
-- learning the same thing twice changes nothing. Replicas read new rows in id order.
create table expertise_evidence (
    id          bigint generated always as identity primary key,
    person_id   text not null,
    kind        text not null,
    skills      jsonb not null,
    product     text,
    source      text not null,
    label       text,
    at          timestamptz not null,
    weight      double precision not null,
    recorded_at timestamptz not null default now(),
    unique (person_id, kind, source)
);

-- Resolved cases by their words and solvers, for "the people who solved cases like this one". A case resolved
-- again replaces its row and takes a new change number, which replicas read in order.
create sequence solved_case_change;

create table solved_case (
    case_id     uuid primary key,
    number      text,
    product     text,
    text        text not null,
    solvers     jsonb not null,
    resolved_at timestamptz not null,
    change_id   bigint not null default nextval('solved_case_change'),
    recorded_at timestamptz not null default now()
);

create index solved_case_by_change on solved_case (change_id);
