package io.caseswarm.cases.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.cases.sla.BusinessTime;
import io.caseswarm.platform.event.MalformedEventException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something a period counts, at the moment it happened, keyed by the event that told of it. */
@Entity
@Table(name = "report_happening")
public class ReportHappening extends PanacheEntityBase {

    static final String OPENED = "opened";
    static final String FIRST_RESPONSE = "first-response";
    static final String RESOLVED = "resolved";
    static final String REOPENED = "reopened";
    static final String CLOSED = "closed";

    @Id
    public UUID eventId;
    public UUID caseId;
    public String kind;
    public Instant at;
    /** For a first response and a resolution: how long after the opening. */
    public Long seconds;
    /** The same in business time, and the length of a working day of the calendar it counted on. */
    public Long businessSeconds;
    public Long businessDaySeconds;
    /** How the backlog moved: +1, 0 or -1. */
    public int backlog;
    /** A resolution the case was reopened after. */
    public boolean reopened;
    /** The case's attributes now, as {@link ReportCase} has them: what a period's figures are filtered by. */
    public String priority;
    public String channel;
    public String product;
    public String groupId;
    public String ownerId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags;

    /** {@code calendar}: what a first response's or a resolution's business time counts on; null for the others. */
    static void record(UUID eventId, ReportCase reported, String kind, Instant at, int backlog, BusinessTime calendar) {
        if (at == null) {
            throw new MalformedEventException("Event " + eventId + " of case " + reported.caseId + " says not when");
        }
        ReportHappening happening = new ReportHappening();
        happening.eventId = eventId;
        happening.caseId = reported.caseId;
        happening.kind = kind;
        happening.at = at;
        happening.backlog = backlog;
        happening.copy(reported);
        if (calendar != null) {
            happening.seconds = Duration.between(reported.openedAt, at).toSeconds();
            happening.businessSeconds = calendar.between(reported.openedAt, at).toSeconds();
            happening.businessDaySeconds = calendar.workingDay().toSeconds();
        }
        happening.persist();
    }

    /** The case changed: what happened to it before is counted by what it is now (a case has a few happenings). */
    static void follow(ReportCase reported) {
        ReportHappening.<ReportHappening>list("caseId", reported.caseId).forEach(happening -> happening.copy(reported));
    }

    /** As {@link #follow(ReportCase)} for many cases at once, in one statement: a rebuild's page of changes. */
    static void follow(Collection<UUID> caseIds) {
        updateOf(caseIds, "update report_happening h set priority = c.priority, channel = c.channel,"
                + " product = c.product, group_id = c.group_id, owner_id = c.owner_id, tags = c.tags"
                + " from report_case c where c.case_id = h.case_id and h.case_id = any(?1)");
    }

    private void copy(ReportCase reported) {
        priority = reported.priority;
        channel = reported.channel;
        product = reported.product;
        groupId = reported.groupId;
        ownerId = reported.ownerId;
        tags = reported.tags;
    }

    /** Of these cases, every resolution with a reopening after it no longer closed its case, in one statement. */
    static void reopenedBefore(Collection<UUID> caseIds) {
        updateOf(caseIds, "update report_happening h set reopened = true"
                + " where h.case_id = any(?1) and h.kind = 'resolved' and not h.reopened and exists"
                + " (select 1 from report_happening r where r.case_id = h.case_id and r.kind = 'reopened' and r.at >= h.at)");
    }

    /** Runs {@code update}, whose {@code ?1} is the cases' ids, unless there are none. */
    private static void updateOf(Collection<UUID> caseIds, String update) {
        if (!caseIds.isEmpty()) {
            getEntityManager().createNativeQuery(update).setParameter(1, caseIds.toArray(UUID[]::new)).executeUpdate();
        }
    }
}
