package io.caseswarm.cases.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.caseswarm.cases.calendar.StoredCalendar;
import io.caseswarm.cases.sla.BusinessTime;

/**
 * A rebuild's page of case events: its cases and their SLA milestones are loaded at once before it, kept in memory
 * while its events apply, and what the events did to other rows (happenings following their case, resolutions
 * reopened after) is written in one statement each when the page ends. Calendars are read once for the whole
 * rebuild: it counts every case's business time on the calendars as they are now.
 */
final class RebuildPage implements ReportEffects {

    private final EntityManager db;
    private final Map<String, BusinessTime> calendars = new HashMap<>();
    private final Set<UUID> changed = new HashSet<>();
    private final Set<UUID> reopened = new HashSet<>();
    private final Map<UUID, List<ReportSla>> slas = new HashMap<>();

    RebuildPage(EntityManager db) {
        this.db = db;
    }

    /** Loads the cases the page's records are about (their keys), and their milestones. */
    void begin(List<ConsumerRecord<String, String>> page) {
        List<UUID> caseIds = new ArrayList<>();
        for (ConsumerRecord<String, String> record : page) {
            try {
                caseIds.add(UUID.fromString(record.key()));
            } catch (IllegalArgumentException | NullPointerException e) {
                // Not a case's key: its event finds its case (or fails) on its own.
            }
        }
        ReportCase.list("caseId in ?1", caseIds);
        caseIds.forEach(caseId -> slas.put(caseId, new ArrayList<>()));
        ReportSla.<ReportSla>list("caseId in ?1 order by id", caseIds)
                .forEach(sla -> slas.get(sla.caseId).add(sla));
    }

    /** Writes the page and what it did to other rows, and lets go of it. */
    void end() {
        db.flush();
        ReportHappening.follow(changed);
        ReportHappening.reopenedBefore(reopened);
        changed.clear();
        reopened.clear();
        slas.clear();
        db.clear();
    }

    @Override
    public void changed(ReportCase reported) {
        changed.add(reported.caseId);
    }

    @Override
    public void reopened(ReportCase reported) {
        reopened.add(reported.caseId);
    }

    @Override
    public BusinessTime calendar(String calendarId) {
        return calendars.computeIfAbsent(calendarId, StoredCalendar::businessTime);
    }

    @Override
    public List<ReportSla> slaOf(UUID caseId) {
        return slas.computeIfAbsent(caseId, id -> new ArrayList<>(LIVE.slaOf(id)));
    }

    @Override
    public void slaAdded(ReportSla sla) {
        slaOf(sla.caseId).add(sla);
    }
}
