-- Every new or changed article goes into the search index at once. With GIN's default "fast update" the
-- index keeps new entries in a pending list until a vacuum (or 4 MB of them) merges it, and every search
-- reads the whole list row by row. Articles are written rarely and searched on every case, so the list
-- only ever costs: measured over 50,000 articles just imported, suggestions took p50 21.7 ms and p99
-- 71.3 ms with 441 pending pages, against 6.8 and 17.1 ms once they were merged. Writing an article now
-- updates the index itself, which costs its transaction a little more.
alter index article_view_search set (fastupdate = off);

-- What an earlier import left pending is merged now (the list is cleaned as part of a vacuum; this does
-- the same without one, which a migration's transaction could not run).
select gin_clean_pending_list('article_view_search'::regclass);
