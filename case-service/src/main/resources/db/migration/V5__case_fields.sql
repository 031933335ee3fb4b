-- Fields a desk changes after a case is opened (PATCH /cases/{id}): beside priority and product, a
-- category, tags and the custom fields an admin declares.
alter table case_view
    add column category      text,
    add column tags          jsonb not null default '[]',
    add column custom_fields jsonb not null default '{}';

-- The custom fields cases may have: this service's configuration, kept as a plain table rather than an
-- event stream (see CustomFieldDefinition). Only a choice has allowed values.
create table custom_field_definition (
    name           text        primary key check (name ~ '^[a-z][a-z0-9_]{0,39}$'),
    type           text        not null check (type in ('TEXT', 'NUMBER', 'BOOLEAN', 'CHOICE')),
    label          text,
    allowed_values jsonb,
    updated_at     timestamptz not null,
    updated_by     text        not null,
    check ((type = 'CHOICE') = (allowed_values is not null))
);
