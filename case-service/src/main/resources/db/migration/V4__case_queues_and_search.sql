-- Queues sort by priority, then age: the rank makes priority sortable (urgent 3 .. low 0).
alter table case_view add column priority_rank integer;
update case_view set priority_rank = case priority when 'URGENT' then 3 when 'HIGH' then 2 when 'NORMAL' then 1 else 0 end;
alter table case_view alter column priority_rank set not null;

-- Full-text search over a case's words, language-neutral: the 'simple' configuration only lower-cases
-- (no stemming that would favour one language), and the service folds diacritics before storing and
-- before querying, so that "hoa don" finds "hóa đơn". What the customer may search (subject,
-- description, public messages) is kept apart from what only staff may (internal notes), so that a
-- customer's search cannot reveal a word of an internal note.
alter table case_view
    add column public_text text not null default '',
    add column staff_text  text not null default '',
    add column search_public tsvector generated always as (to_tsvector('simple', public_text)) stored,
    add column search_all    tsvector generated always as (to_tsvector('simple', public_text || ' ' || staff_text)) stored;

create index case_view_search_public on case_view using gin (search_public);
create index case_view_search_all on case_view using gin (search_all);
create index case_view_queue on case_view (priority_rank desc, opened_at, id);
create index case_view_newest on case_view (opened_at desc, id desc);
create index case_view_status_queue on case_view (status, priority_rank desc, opened_at, id);
create index case_view_owner_queue on case_view (owner_id, status, priority_rank desc, opened_at, id);
drop index case_view_opened;
