package io.caseswarm.cases.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.Page;

/**
 * Finds cases in the case view by a {@link CaseFilter}, one keyset page at a time: the cursor is the
 * sort key of the last case shown, so a page never repeats or skips a case when others arrive meanwhile.
 */
@ApplicationScoped
public class CaseSearch {

    private final EntityManager entityManager;

    CaseSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param staffText whether the text query may match internal notes: never for a customer.
     */
    public Page<CaseView> find(CaseFilter filter, CaseFilter.Order order, String cursor, int limit, boolean staffText) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        narrow(filter, staffText, where, parameters);
        if (cursor != null) {
            after(order, Cursor.decode(cursor, order == CaseFilter.Order.PRIORITY ? 3 : 2), where, parameters);
        }
        String sql = "select * from case_view" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + switch (order) {
                    case PRIORITY -> " order by priority_rank desc, opened_at, id";
                    case NEWEST -> " order by opened_at desc, id desc";
                } + " limit " + (limit + 1);
        Query query = entityManager.createNativeQuery(sql, CaseView.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<CaseView> found = query.getResultList();
        return Page.of(found, limit, view -> cursorAfter(order, view), view -> view);
    }

    private static void narrow(CaseFilter filter, boolean staffText, List<String> where, Map<String, Object> parameters) {
        if (!filter.statuses().isEmpty()) {
            where.add("status in (:statuses)");
            parameters.put("statuses", filter.statuses().stream().map(CaseStatus::name).toList());
        }
        if (!filter.priorities().isEmpty()) {
            where.add("priority in (:priorities)");
            parameters.put("priorities", filter.priorities().stream().map(Priority::name).toList());
        }
        equal(where, parameters, "owner_id", filter.ownerId());
        equal(where, parameters, "group_id", filter.groupId());
        if (filter.unassigned()) {
            where.add("owner_id is null");
        }
        equal(where, parameters, "product", filter.product());
        equal(where, parameters, "category", filter.category());
        if (filter.tag() != null) {
            where.add("tags @> jsonb_build_array(cast(:tag as text))");
            parameters.put("tag", filter.tag());
        }
        equal(where, parameters, "channel", filter.channel() == null ? null : filter.channel().name());
        equal(where, parameters, "customer_id", filter.customerId());
        if (filter.organisation() != null) {
            // The customer's organisation as the directory knows it now, not as it was when the case opened.
            where.add("customer_id in (select id from customer where organisation = :organisation)");
            parameters.put("organisation", filter.organisation());
        }
        range(where, parameters, "opened_at", ">=", "openedFrom", filter.openedFrom());
        range(where, parameters, "opened_at", "<", "openedTo", filter.openedTo());
        range(where, parameters, "updated_at", ">=", "updatedFrom", filter.updatedFrom());
        range(where, parameters, "updated_at", "<", "updatedTo", filter.updatedTo());
        if (filter.text() != null) {
            where.add((staffText ? "search_all" : "search_public") + " @@ websearch_to_tsquery('simple', :text)");
            parameters.put("text", SearchText.fold(filter.text()));
        }
    }

    private static void equal(List<String> where, Map<String, Object> parameters, String column, Object value) {
        if (value != null) {
            where.add(column + " = :" + column);
            parameters.put(column, value);
        }
    }

    private static void range(List<String> where, Map<String, Object> parameters, String column, String operator,
            String name, Object value) {
        if (value != null) {
            where.add(column + " " + operator + " :" + name);
            parameters.put(name, value);
        }
    }

    private static void after(CaseFilter.Order order, Cursor cursor, List<String> where, Map<String, Object> parameters) {
        switch (order) {
            case PRIORITY -> {
                where.add("(priority_rank < :rank or priority_rank = :rank and (opened_at, id) > (:openedAt, :id))");
                parameters.put("rank", (int) cursor.longAt(0));
                parameters.put("openedAt", cursor.instantAt(1));
                parameters.put("id", cursor.uuidAt(2));
            }
            case NEWEST -> {
                where.add("(opened_at, id) < (:openedAt, :id)");
                parameters.put("openedAt", cursor.instantAt(0));
                parameters.put("id", cursor.uuidAt(1));
            }
        }
    }

    private static Cursor cursorAfter(CaseFilter.Order order, CaseView view) {
        return switch (order) {
            case PRIORITY -> Cursor.of(view.priorityRank, view.openedAt, view.id);
            case NEWEST -> Cursor.of(view.openedAt, view.id);
        };
    }
}
