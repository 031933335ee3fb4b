-- Who may read an article: 'PUBLIC' (customers too, once published) or 'INTERNAL' (staff only).
-- Articles from before visibility existed were written for the staff, so they stay internal; from
-- now on the projector always says which.
alter table article_view add column visibility text not null default 'INTERNAL'
    constraint article_view_visibility check (visibility in ('PUBLIC', 'INTERNAL'));
alter table article_view alter column visibility drop default;
