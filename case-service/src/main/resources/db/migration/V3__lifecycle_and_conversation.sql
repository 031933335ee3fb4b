-- A case is new until it has an owner; the view learns when it was reopened or closed.
alter table case_view
    add column reopened_at timestamptz,
    add column closed_at   timestamptz;

-- The conversation on each case, in the order it was written (the event's version in the case stream).
create table case_message (
    message_id  uuid        primary key,
    case_id     uuid        not null,
    seq         bigint      not null,
    author_id   text        not null,
    author_role text        not null,
    visibility  text        not null,
    body        text        not null,
    attachments jsonb       not null,
    added_at    timestamptz not null,
    unique (case_id, seq)
);
