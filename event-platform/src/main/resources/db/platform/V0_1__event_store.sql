-- The event store of a Caseswarm service. Append-only; the table is also the outbox.
create table events (
    position       bigserial    primary key,
    event_id       uuid         not null unique,
    stream_type    text         not null,
    stream_id      text         not null,
    version        bigint       not null,
    event_type     text         not null,
    schema_version int          not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    published_at   timestamptz,
    -- Optimistic concurrency: of two writers of the same version, the database lets exactly one in.
    constraint events_stream_version unique (stream_id, version)
);

-- The relay's work queue: only the unpublished rows, in store order.
create index events_unpublished on events (position) where published_at is null;

-- Idempotent consumers: one row per event a consumer has applied, written with the effect.
create table processed_events (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
