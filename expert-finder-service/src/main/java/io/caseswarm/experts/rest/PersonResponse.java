package io.caseswarm.experts.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.caseswarm.experts.domain.DateRange;
import io.caseswarm.experts.domain.DaysOff;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.WorkingHours;
import io.caseswarm.experts.projection.ExpertProfile;

/**
 * A person as the directory shows them, with how many swarms they carry now, their Slack user and roles, and
 * their calendar (without one: every day a working day, nothing off).
 */
public record PersonResponse(String id, String name, String email, String chatHandle, String timeZone,
        WorkingHours workingHours, List<Skill> skills, int capacity, Presence presence, long load,
        Instant updatedAt, String slackUserId, List<String> roles, Set<DayOfWeek> workingDays,
        List<LocalDate> holidays, List<DateRange> timeOff, boolean urgentOnDaysOff) {

    private static final DaysOff NEVER_OFF = new DaysOff(null, null, null, false);

    static PersonResponse of(ExpertProfile p, long load) {
        DaysOff calendar = p.daysOff == null ? NEVER_OFF : p.daysOff;
        return new PersonResponse(p.personId, p.name, p.email, p.chatHandle, p.timeZone,
                new WorkingHours(p.workStart, p.workEnd), p.skills, p.capacity, p.presence, load, p.updatedAt,
                p.slackUserId, p.roles, calendar.workingDays(), calendar.holidays(), calendar.timeOff(),
                calendar.urgentOnDaysOff());
    }
}
