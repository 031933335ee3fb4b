-- The customer directory: who cases are for. A customer has one or more e-mail addresses (each
-- belongs to one customer: the same address always finds the same customer) and, when they log in,
-- the subject their identity provider gives them.
create table customer (
    id           text        primary key,
    name         text        not null,
    phone        text,
    organisation text,
    language     text,
    time_zone    text,
    tier         text,
    subject      text        unique,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index customer_organisation on customer (organisation);

create table customer_email (
    email       text    primary key,
    customer_id text    not null references customer (id),
    position    integer not null
);
create index customer_email_customer on customer_email (customer_id, position);

-- Customers of cases opened before the directory existed.
insert into customer (id, name, created_at, updated_at)
select distinct on (customer_id) customer_id, customer_name, opened_at, opened_at
from case_view order by customer_id, opened_at;
insert into customer_email (email, customer_id, position)
select distinct on (lower(customer_email)) lower(customer_email), customer_id, 0
from case_view order by lower(customer_email), opened_at
on conflict do nothing;
