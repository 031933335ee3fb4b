-- A person's rules for being notified: channels tried in order (empty = "none", nothing is sent), quiet
-- hours in their time zone, whether urgent news may wake them, and a daily digest for low-urgency news.
alter table notification_preference drop constraint notification_preference_channel_check;
alter table notification_preference add column channels text[];
update notification_preference set channels = case channel when 'none' then '{}'::text[] else array[channel] end;
alter table notification_preference alter column channels set not null;
alter table notification_preference drop column channel;
alter table notification_preference add column time_zone             text;
alter table notification_preference add column quiet_from            time;
alter table notification_preference add column quiet_until           time;
alter table notification_preference add column urgent_in_quiet_hours boolean not null default false;
alter table notification_preference add column digest_at             time;
alter table notification_preference add constraint notification_preference_quiet_hours
    check ((quiet_from is null) = (quiet_until is null));

-- From the directory: the Slack user a person is reached at, and their time zone (quiet hours and the
-- digest follow it unless the person chose another).
alter table contact add column slack_user_id text;
alter table contact add column time_zone     text;

-- The swarm's priority (an invitation to an urgent swarm is urgent news) and its owner (told, with low
-- urgency, who joined).
alter table swarm_info add column priority text;
alter table swarm_info add column owner_id text;

-- Notices not sent yet: held until a person's quiet hours end, or waiting for their daily digest. The
-- notice is kept as written, so that what goes out later is what would have gone out then.
create table pending_notice (
    notification_id    uuid        primary key,
    contact_id         text        not null references contact (contact_id),
    kind               text        not null check (kind in ('held', 'digest')),
    template           text        not null,
    subject            text        not null,
    text               text        not null,
    case_id            uuid,
    auto_reply         boolean     not null,
    urgency            text        not null,
    triggered_by_event uuid        not null,
    triggered_by_type  text        not null,
    queued_at          timestamptz not null
);
create index pending_notice_digest on pending_notice (contact_id, queued_at) where kind = 'digest';
