package io.caseswarm.cases.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.cases.calendar.StoredCalendar;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A case as the reports count it now; values by their labels in the API ({@code high}, {@code email}). */
@Entity
@Table(name = "report_case")
public class ReportCase extends PanacheEntityBase {

    @Id
    public UUID caseId;
    public String number;
    public String channel;
    public String product;
    public String priority;
    public String status;
    public String ownerId;
    public String groupId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags;
    public Instant openedAt;
    public Instant awaitingSince;
    public Instant firstResponseAt;
    /** The calendar the case's SLA counts on: its business time's. */
    public String calendarId = StoredCalendar.DEFAULT_ID;

    /** Events of one case arrive in order from its opening, so every later event finds its case. */
    static ReportCase of(UUID caseId) {
        ReportCase reported = findById(caseId);
        if (reported == null) {
            throw new IllegalStateException("Event for case " + caseId + " that was never opened");
        }
        return reported;
    }

    /** Not resolved and not closed: the case is in the desk's backlog. */
    boolean unresolved() {
        return !"resolved".equals(status) && !"closed".equals(status);
    }
}
