-- Case numbers for people (CS-000042); the case id stays the key for machines.
create sequence case_number start 1;

-- The read model of cases: a projection of the case events, rebuilt from them at will.
create table case_view (
    id             uuid        primary key,
    number         text        not null unique,
    subject        text        not null,
    description    text        not null,
    customer_id    text        not null,
    customer_name  text        not null,
    customer_email text        not null,
    channel        text        not null,
    product        text,
    priority       text        not null,
    status         text        not null,
    opened_at      timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null
);

create index case_view_customer on case_view (customer_id, opened_at desc);
create index case_view_opened on case_view (opened_at desc);
