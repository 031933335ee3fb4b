package io.caseswarm.experts.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the directory knows of a person; each directory event carries the whole of it. {@code slackUserId}
 * links the person to their Slack user (null when not linked); {@code roles} are the roles they act with
 * where no token carries any, as in Slack (admins or the HR sync set them). Null roles in a profile given
 * to {@link Expert#update} mean "as they were". {@code daysOff} is their calendar; null: never off.
 */
public record Profile(String name, String email, String chatHandle, String timeZone, WorkingHours workingHours,
        List<Skill> skills, int capacity, Presence presence, String slackUserId, List<String> roles,
        DaysOff daysOff) {

    public Profile {
        skills = List.copyOf(skills);
        roles = roles == null ? null : List.copyOf(roles);
    }

    /** A profile without a calendar (never off), as profiles were before calendars existed. */
    public Profile(String name, String email, String chatHandle, String timeZone, WorkingHours workingHours,
            List<Skill> skills, int capacity, Presence presence, String slackUserId, List<String> roles) {
        this(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence, slackUserId, roles, null);
    }

    /** A profile without a Slack link or roles, as profiles were before those existed. */
    public Profile(String name, String email, String chatHandle, String timeZone, WorkingHours workingHours,
            List<Skill> skills, int capacity, Presence presence) {
        this(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence, null, List.of());
    }

    public Profile withPresence(Presence newPresence) {
        return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, newPresence, slackUserId,
                roles, daysOff);
    }

    public Profile withRoles(List<String> newRoles) {
        return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, presence, slackUserId,
                newRoles, daysOff);
    }

    /**
     * Whether {@code day} (on the person's own calendar) is a day off for them: not a working day, a holiday or
     * time off. On a day off nobody is invited, except to an {@code urgent} swarm by someone who opted in.
     */
    public boolean offOn(LocalDate day, boolean urgent) {
        return daysOff != null && daysOff.isOff(day) && !(urgent && daysOff.urgentOnDaysOff());
    }
}
