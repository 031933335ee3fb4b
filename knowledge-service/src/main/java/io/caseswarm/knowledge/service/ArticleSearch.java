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
     * Published articles that share any meaningful word with a case, best first. A case is prose, not a
     * query: its stemmed words are OR-ed, so "Invoices fail to sync" finds "Fixing invoice sync failures".
     */
    public List<Suggestion> suggestFor(String caseText, String product, int limit) {
        String sql = "with q as (select to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) as query"
                + "   from unnest(to_tsvector('english', :text)))"
                + " select a.article_id, a.title,"
                + "   ts_rank(a.search, q.query) + case when a.product = cast(:product as text) then :boost else 0 end,"
                + "   a.visibility"
                + " from article_view a, q"
                + " where q.query is not null and a.status = 'PUBLISHED' and a.search @@ q.query"
                + " order by 3 desc limit :limit";
        List<?> rows = entityManager.createNativeQuery(sql)
                .setParameter("text", caseText)
                .setParameter("product", product)
                .setParameter("boost", PRODUCT_BOOST)
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
