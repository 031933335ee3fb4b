create table ledger_totals (
    account text   primary key,
    total   bigint not null,
    entries int    not null
);

-- Every applied entry in the order the consumer applied it: tests read the order back.
create table ledger_entries (
    id       bigserial primary key,
    account  text not null,
    sequence int  not null
);
