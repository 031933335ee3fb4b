package io.caseswarm.cases.projection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.Page;

/**
 * A case's conversation: its own messages and those of every case merged into it (and into those, for a
 * survivor that was merged in turn), in the order they were written. The key (added at, message id) is
 * one over all those cases, so a cursor page neither repeats nor skips a message, whichever case it was
 * written on.
 */
@ApplicationScoped
public class Conversation {

    private static final String MERGED_CASES = """
            with recursive merged(id) as (
                select cast(:caseId as uuid)
                union
                select v.id from case_view v join merged m on v.merged_into_id = m.id)
            """;

    private final EntityManager entityManager;

    Conversation(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param customerId for a customer: only public messages of their own cases (a duplicate of somebody
     *                   else's merged into theirs stays that customer's); null for staff, who read all.
     */
    public Page<CaseMessage> page(UUID caseId, String customerId, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(MERGED_CASES).append("select m.* from case_message m");
        if (customerId != null) {
            sql.append(" join case_view c on c.id = m.case_id and c.customer_id = :customerId");
        }
        sql.append(" where m.case_id in (select id from merged)");
        if (customerId != null) {
            sql.append(" and m.visibility = :public");
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor, 2);
        if (after != null) {
            sql.append(" and (m.added_at, m.message_id) > (:addedAt, :messageId)");
        }
        sql.append(" order by m.added_at, m.message_id limit ").append(limit + 1);

        Query query = entityManager.createNativeQuery(sql.toString(), CaseMessage.class).setParameter("caseId", caseId);
        if (customerId != null) {
            query.setParameter("customerId", customerId).setParameter("public", Visibility.PUBLIC.name());
        }
        if (after != null) {
            query.setParameter("addedAt", after.instantAt(0)).setParameter("messageId", after.uuidAt(1));
        }
        @SuppressWarnings("unchecked")
        List<CaseMessage> found = query.getResultList();
        return Page.of(found, limit, message -> Cursor.of(message.addedAt, message.messageId), message -> message);
    }
}
