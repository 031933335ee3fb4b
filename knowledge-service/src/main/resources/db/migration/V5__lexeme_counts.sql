-- How many published articles hold each word (each lexeme of the search column), and under the empty
-- word, which no text has, how many are published. Suggestions match a case on its rarest words: a word
-- half the knowledge base holds says little about which article fits, and matching on it would make
-- every suggestion rank most of the articles.
create table article_lexeme (
    lexeme   text    primary key,
    articles integer not null
);

-- Kept by the database itself, in the transaction that changes an article, so it cannot drift from
-- article_view. One statement per change, its rows in lexeme order, so two articles published at once
-- lock the words they share in the same order and cannot deadlock.
create function count_article_lexemes() returns trigger language plpgsql as $$
declare
    removed text[] := '{}';
    added   text[] := '{}';
begin
    if tg_op <> 'INSERT' and old.status = 'PUBLISHED' then
        removed := tsvector_to_array(old.search) || ''::text;
    end if;
    if tg_op <> 'DELETE' and new.status = 'PUBLISHED' then
        added := tsvector_to_array(new.search) || ''::text;
    end if;
    insert into article_lexeme (lexeme, articles)
    select lexeme, sum(delta)
    from (select unnest(removed) as lexeme, -1 as delta
          union all
          select unnest(added), 1) as change
    group by lexeme
    having sum(delta) <> 0
    order by lexeme
    on conflict (lexeme) do update set articles = article_lexeme.articles + excluded.articles;
    return null;
end $$;

create trigger article_lexemes_on_insert after insert on article_view
    for each row execute function count_article_lexemes();
create trigger article_lexemes_on_delete after delete on article_view
    for each row execute function count_article_lexemes();
-- Most updates (a use counted, a revision put aside for review) change neither the words nor the status.
create trigger article_lexemes_on_update after update on article_view
    for each row when (old.status is distinct from new.status or old.search is distinct from new.search)
    execute function count_article_lexemes();

insert into article_lexeme (lexeme, articles)
select word, ndoc from ts_stat('select search from article_view where status = ''PUBLISHED''')
union all
select '', count(*) from article_view where status = 'PUBLISHED';
