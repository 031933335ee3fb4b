-- What each person (or customer) chose, keyed by the id they sign in with, which is also the id the
-- other services' events use. Settings, not an event stream: only the latest choice matters.
-- Nobody in this table is notified by email, the default.
create table notification_preference (
    person_id  text        primary key,
    channel    text        not null check (channel in ('email', 'none')),
    updated_at timestamptz not null
);

-- The preference lives in notification_preference now; this column only ever held 'email'.
alter table contact drop column preferred_channel;
