-- The read model of articles, searchable: title weighs most, then tags, then the body.
create table article_view (
    article_id     uuid        primary key,
    title          text        not null,
    body           text        not null,
    tags           jsonb       not null,
    product        text,
    status         text        not null,
    source_case_id uuid,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null,
    search         tsvector generated always as (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', tags::text), 'B')
        || setweight(to_tsvector('english', body), 'C')) stored
);
create index article_view_search on article_view using gin (search);
create index article_view_source_case on article_view (source_case_id);

-- The articles suggested for each case.
create table case_suggestions (
    case_id      uuid        primary key,
    suggestions  jsonb       not null,
    suggested_at timestamptz not null
);
