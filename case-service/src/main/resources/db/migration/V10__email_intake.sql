-- Email-to-case. Every mail the desk took in, by its key (its Message-ID, or the digest of its bytes when
-- it has none): reading one again finds its row and changes nothing. Rows also say what became of each
-- mail, so an admin can tell why a mail opened no case.
create table inbound_mail (
    mail_key    text primary key,
    mailbox     text not null,
    sender      text not null,
    subject     text not null,
    outcome     text not null,
    case_id     uuid,
    received_at timestamptz not null
);
-- How many new cases a sender opened in the last hour: the throttle counts these.
create index inbound_mail_sender_received on inbound_mail (sender, received_at) where outcome in ('OPENED', 'FOLLOW_UP');

-- Message-IDs that belong to a case: the mails it came in by and the mails the desk sent about it. A
-- reply's In-Reply-To or References finds its case here.
create table case_mail_id (
    message_id text primary key,
    case_id    uuid not null,
    sent       boolean not null
);
create index case_mail_id_case on case_mail_id (case_id);

-- Mail kept aside, raw, for an admin: it could not be read, or its sender was over the hourly limit of
-- new cases. Nothing is dropped silently; a retry puts it through intake again.
create table held_mail (
    id          uuid primary key,
    mail_key    text not null,
    mailbox     text not null,
    reason      text not null,
    detail      text not null,
    sender      text,
    subject     text,
    raw         bytea not null,
    size        bigint not null,
    held_at     timestamptz not null,
    released_at timestamptz
);
create index held_mail_waiting on held_mail (held_at) where released_at is null;

-- A customer's address that mail bounced from: the desk keeps writing to it but shows it as failing.
alter table customer_email add column failing_since timestamptz;
alter table customer_email add column failure text;
