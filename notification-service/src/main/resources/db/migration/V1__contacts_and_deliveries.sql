-- Where to reach people and customers, learnt from events. Only email is implemented for now.
create table contact (
    contact_id        text        primary key,
    name              text,
    email             text        not null,
    preferred_channel text        not null,
    updated_at        timestamptz not null
);

-- What a notification about a case or swarm needs to say.
create table case_info (
    case_id     uuid primary key,
    number      text not null,
    subject     text not null,
    customer_id text not null
);
create table swarm_info (
    swarm_id    uuid primary key,
    case_id     uuid not null,
    case_number text,
    question    text
);

-- Every delivery, sent or failed.
create table delivery (
    notification_id      uuid        primary key,
    recipient            text        not null,
    channel              text        not null,
    template             text        not null,
    subject              text        not null,
    status               text        not null,
    reason               text,
    triggered_by_event   uuid        not null,
    triggered_by_type    text        not null,
    at                   timestamptz not null
);
create index delivery_recipient on delivery (recipient, at desc);
