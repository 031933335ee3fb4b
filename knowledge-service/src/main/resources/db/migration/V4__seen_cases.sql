-- Every case the knowledge base has seen opened (from case-opened), so that an article is said to have
-- helped only on a real case. Cases opened before this table existed are not in it.
create table seen_case (
    case_id   uuid        primary key,
    opened_at timestamptz
);

-- How many cases each article helped on (one per case, from article-used).
alter table article_view add column uses bigint not null default 0;
