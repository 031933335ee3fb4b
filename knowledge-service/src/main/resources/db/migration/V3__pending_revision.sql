-- A revision of a published article waits here for a lead or an admin to publish it; the columns
-- above keep the published version, which is what readers, search and suggestions see meanwhile.
alter table article_view
    add column pending_title      text,
    add column pending_body       text,
    add column pending_tags       jsonb,
    add column pending_product    text,
    add column pending_visibility text
        constraint article_view_pending_visibility check (pending_visibility in ('PUBLIC', 'INTERNAL')),
    add column pending_since      timestamptz;
