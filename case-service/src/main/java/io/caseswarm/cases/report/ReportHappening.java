package io.caseswarm.cases.report;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    /** How the backlog moved: +1, 0 or -1. */
    public int backlog;
    /** A resolution the case was reopened after. */
    public boolean reopened;

    static void record(UUID eventId, ReportCase reported, String kind, Instant at, int backlog) {
        ReportHappening happening = new ReportHappening();
        happening.eventId = eventId;
        happening.caseId = reported.caseId;
        happening.kind = kind;
        happening.at = at;
        happening.backlog = backlog;
        if (FIRST_RESPONSE.equals(kind) || RESOLVED.equals(kind)) {
            happening.seconds = Duration.between(reported.openedAt, at).toSeconds();
        }
        happening.persist();
    }

    /** The case's latest resolution no longer closed it: it was reopened. */
    static void reopenedAfterLastResolution(UUID caseId) {
        update("reopened = true where caseId = ?1 and kind = ?2 and reopened = false", caseId, RESOLVED);
    }
}
