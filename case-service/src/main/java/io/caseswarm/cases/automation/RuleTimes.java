package io.caseswarm.cases.automation;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.cases.calendar.StoredCalendar;
import io.caseswarm.cases.customer.CustomerRecord;
import io.caseswarm.cases.projection.CaseView;
import io.caseswarm.cases.sla.BusinessTime;
import io.caseswarm.cases.sla.SlaPolicy;
import io.caseswarm.cases.sla.SlaSubject;

/**
 * When a timed rule's time is up: its wait after the event, on the clock or in business time on the
 * calendar of the case's SLA policy (the {@code default} calendar for a case no policy covers).
 */
@ApplicationScoped
public class RuleTimes {

    @Transactional(Transactional.TxType.MANDATORY)
    public Instant dueAt(UUID caseId, Instant since, Trigger trigger) {
        return (trigger.businessTime() ? businessTimeOf(caseId) : BusinessTime.ALWAYS).plus(since, trigger.after());
    }

    /** The business time the case's SLA is counted in: its SLA's calendar, or the policy that would cover it now. */
    public BusinessTime businessTimeOf(UUID caseId) {
        CaseView view = CaseView.findById(caseId);
        String calendarId = StoredCalendar.DEFAULT_ID;
        if (view != null && view.slaCalendarId != null) {
            calendarId = view.slaCalendarId;
        } else if (view != null) {
            CustomerRecord customer = CustomerRecord.findById(view.customerId);
            SlaSubject subject = new SlaSubject(view.priority.label(), view.product,
                    customer == null ? null : customer.tier, view.channel.name().toLowerCase(Locale.ROOT));
            calendarId = SlaPolicy.forCase(subject).map(policy -> policy.calendarId).orElse(StoredCalendar.DEFAULT_ID);
        }
        return StoredCalendar.businessTime(calendarId);
    }
}
