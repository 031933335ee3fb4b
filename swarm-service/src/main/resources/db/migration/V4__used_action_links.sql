-- Action links from invitation mails work once: each link's id is recorded in the transaction that
-- carries out its action, so a second click (or a replay) finds it here and changes nothing.
create table used_action_link (
    link_id   uuid        primary key,
    person_id text        not null,
    action    text        not null,
    swarm_id  uuid        not null,
    used_at   timestamptz not null
);
