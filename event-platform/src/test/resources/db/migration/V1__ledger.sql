create table ledger_totals (
    account text   primary key,
    total   bigint not null,
    entries int    not null
);
