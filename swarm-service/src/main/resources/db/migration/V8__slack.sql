-- Slack users and the directory's people they act as (from expert-registered / expert-updated), with the
-- roles the directory records for them: Slack carries no roles.
create table slack_person_link (
    slack_user_id text        primary key,
    person_id     text        not null unique,
    roles         jsonb       not null,
    updated_at    timestamptz not null
);

-- The Slack message of each swarm: where it was posted and its ts, Slack's id for it and for its thread.
create table slack_swarm_message (
    swarm_id  uuid        primary key,
    channel   text        not null,
    ts        text        not null,
    posted_at timestamptz not null,
    unique (channel, ts)
);

-- Feed posts that came from Slack (a reply in a swarm's thread): already in the thread, not mirrored again.
create table slack_post_from_slack (
    post_id  uuid        primary key,
    event_id text        not null,
    at       timestamptz not null
);

-- Events API deliveries already handled (Slack retries one it thinks we missed, with the same event_id).
create table slack_seen_event (
    event_id text        primary key,
    seen_at  timestamptz not null
);
