package io.caseswarm.cases.report;

import java.util.List;
import java.util.UUID;

import io.caseswarm.cases.calendar.StoredCalendar;
import io.caseswarm.cases.sla.BusinessTime;

/**
 * What the projection of an event does beyond its own rows, and what it reads besides its case: at once for a live
 * event ({@link #LIVE}), a page at a time for a rebuild ({@link RebuildPage}), which must not have the persistence
 * context flushed by a query for each event.
 */
interface ReportEffects {

    /** The case's attributes changed: what happened to it before is counted by what it is now. */
    void changed(ReportCase reported);

    /** The case was reopened: its resolutions before now no longer closed it. */
    void reopened(ReportCase reported);

    /** The calendar a case's business time counts on. */
    BusinessTime calendar(String calendarId);

    /** The case's SLA milestones as the model has them, in the order they came due. */
    List<ReportSla> slaOf(UUID caseId);

    /** A milestone came due that the model did not have: {@link #slaOf} has it from now on. */
    void slaAdded(ReportSla sla);

    ReportEffects LIVE = new ReportEffects() {
        @Override
        public void changed(ReportCase reported) {
            ReportHappening.follow(reported);
        }

        @Override
        public void reopened(ReportCase reported) {
            ReportHappening.flush(); // the reopening's own happening
            ReportHappening.reopenedBefore(List.of(reported.caseId));
        }

        @Override
        public BusinessTime calendar(String calendarId) {
            return StoredCalendar.businessTime(calendarId);
        }

        @Override
        public List<ReportSla> slaOf(UUID caseId) {
            return ReportSla.list("caseId = ?1 order by id", caseId);
        }

        @Override
        public void slaAdded(ReportSla sla) {
            // The next query finds it.
        }
    };
}
