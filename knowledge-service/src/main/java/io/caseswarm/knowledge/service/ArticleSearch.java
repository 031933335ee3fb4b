package io.caseswarm.knowledge.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.caseswarm.knowledge.domain.ArticleStatus;
import io.caseswarm.knowledge.domain.Suggestion;
import io.caseswarm.knowledge.domain.Visibility;
import io.caseswarm.knowledge.projection.ArticleView;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Finding articles in PostgreSQL: the newest, or ranked by full-text search (title, then tags, then body). */
@ApplicationScoped
public class ArticleSearch {

    /** A match on the case's product counts for this much on top of the text rank. */
    static final double PRODUCT_BOOST = 0.1;
    /** At most this many articles are ranked for one suggestion. */
    static final int CANDIDATES = 500;

    private final EntityManager entityManager;

    ArticleSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The most recently changed articles first. */
    public List<ArticleView> newest(ArticleFilter filter, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.product() != null) {
            where.append(" and product = :product");
            params.and("product", filter.product());
        }
        if (filter.publicOnly()) {
            where.append(" and status = :published and visibility = :public");
            params.and("published", ArticleStatus.PUBLISHED).and("public", Visibility.PUBLIC);
        }
        return ArticleView.<ArticleView>find(where.toString(), Sort.descending("updatedAt"), params)
                .page(Page.ofSize(limit)).list();
    }

    /**
     * What a person types: every word must match (web-search syntax, "quotes" and -not allowed).
     * {@code websearch_to_tsquery} reads any text without a syntax error, so odd input finds nothing
     * rather than failing, and the query is a bound parameter, never part of the SQL.
     */
    public List<Hit> search(String query, ArticleFilter filter, int limit) {
        String sql = "select a.article_id, ts_rank(a.search, q) as rank from article_view a,"
                + " websearch_to_tsquery('english', :query) q"
                + " where a.search @@ q"
                + " and (cast(:status as text) is null or a.status = cast(:status as text))"
                + " and (cast(:product as text) is null or a.product = cast(:product as text))"
                + " and (not :publicOnly or (a.status = 'PUBLISHED' and a.visibility = 'PUBLIC'))"
                + " order by rank desc, a.updated_at desc limit :limit";
        List<?> rows = entityManager.createNativeQuery(sql)
                .setParameter("query", query)
                .setParameter("status", filter.status() == null ? null : filter.status().name())
                .setParameter("product", filter.product())
                .setParameter("publicOnly", filter.publicOnly())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new Hit((UUID) row[0], ((Number) row[1]).doubleValue())).toList();
    }

    /**
     * Published articles that share a telling word with a case, best first. A case is prose, not a query: its
     * stemmed words are OR-ed, so "Invoices fail to sync" finds "Fixing invoice sync failures".
     * <p>
     * Which words tell, from how many published articles hold each ({@code article_lexeme}): the rarest first,
     * as long as the articles they reach stay within {@link #CANDIDATES}, and at least the rarest one. A word
     * held by more than that many articles and by more than a tenth of them ("account", "error") is left out.
     * So the ranking reads a bounded number of articles however large the knowledge base grows; a small one
     * is searched on every word. The case's other words still order articles that match equally on the telling ones.
     */
    public List<Suggestion> suggestFor(String caseText, String product, int limit) {
        String sql = "with total as (select coalesce(max(articles), 0) as articles from article_lexeme where lexeme = ''),"
                + " word as (select t.lexeme, s.articles,"
                + "     sum(s.articles) over (order by s.articles, t.lexeme) as reach"
                + "   from unnest(to_tsvector('english', :text)) t join article_lexeme s using (lexeme), total"
                + "   where s.lexeme <> '' and s.articles > 0 and s.articles <= greatest(:candidates, total.articles / 10)),"
                + " q as (select to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) as telling,"
                + "     (select to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) from word) as every"
                + "   from word where reach <= :candidates or reach = (select min(reach) from word)),"
                + " candidate as (select a.article_id, a.title, a.product, a.visibility, a.search from article_view a, q"
                + "   where q.telling is not null and a.status = 'PUBLISHED' and a.search @@ q.telling limit :candidates)"
                + " select c.article_id, c.title,"
                + "   ts_rank(c.search, q.telling) + case when c.product = cast(:product as text) then :boost else 0 end,"
                + "   c.visibility"
                + " from candidate c, q"
                + " order by 3 desc, ts_rank(c.search, q.every) desc limit :limit";
        List<?> rows = entityManager.createNativeQuery(sql)
                .setParameter("text", caseText)
                .setParameter("product", product)
                .setParameter("boost", PRODUCT_BOOST)
                .setParameter("candidates", CANDIDATES)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(row -> new Suggestion((UUID) row[0], (String) row[1],
                        Math.round(((Number) row[2]).doubleValue() * 1000) / 1000.0,
                        Visibility.valueOf((String) row[3])))
                .toList();
    }

    public record Hit(UUID articleId, double rank) {
    }
}
