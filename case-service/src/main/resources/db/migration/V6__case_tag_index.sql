-- Queues filtered by tag (GET /cases?tag=vip) look the tag up in the case's tag array.
create index case_view_tags on case_view using gin (tags jsonb_path_ops);
