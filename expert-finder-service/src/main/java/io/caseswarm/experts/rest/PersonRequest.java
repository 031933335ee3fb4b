package io.caseswarm.experts.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import io.caseswarm.experts.domain.DateRange;
import io.caseswarm.experts.domain.DaysOff;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.WorkingHours;
import io.caseswarm.platform.rest.PersonId;

/**
 * A person's profile. {@code id} names a new person on {@code POST /people} and is left out (or repeated)
 * on {@code PUT /people/{id}}; presence defaults to {@code available}. The calendar ({@code workingDays},
 * {@code holidays}, {@code timeOff}, {@code urgentOnDaysOff}) is part of the whole profile: left out, the person
 * is never off. Names and handles are shown to
 * other people and sent in e-mails and chat messages, so they are held to the characters names use.
 */
public record PersonRequest(
        @NotNull(groups = Registration.class, message = "must name the new person") @PersonId String id,
        @NotBlank @Size(max = 200)
        @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N} .,'’()-]*$",
                message = "must be a name: letters, digits, spaces and . , ' ( ) -") String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 100)
        @Pattern(regexp = "^[\\p{L}\\p{N}@._:#+-]+$",
                message = "must be a chat handle: letters, digits and @ . _ : # + -") String chatHandle,
        @NotNull @ValidTimeZone String timeZone,
        @NotNull @Valid Hours workingHours,
        @NotNull @Size(min = 1, max = 50) @DistinctSkills List<@NotNull @Valid SkillLevel> skills,
        // Boxed, so that a missing capacity is "must not be null" rather than a silent 0.
        @NotNull @Min(0) @Max(20) Integer capacity,
        Presence presence,
        @Pattern(regexp = "^[UW][A-Z0-9]{2,20}$", message = "must be a Slack user id, e.g. U0123ABCD") String slackUserId,
        // Only admins and the HR sync set roles (PeopleResource checks who sends them); null keeps them.
        @Size(max = 6) List<@NotNull @Pattern(regexp = "^(agent|expert|lead|admin|integration|customer)$",
                message = "must be one of agent, expert, lead, admin, integration, customer") String> roles,
        // The calendar: all optional; none of them means never off. Working days none or empty: every day.
        @Size(max = 7) List<@NotNull DayOfWeek> workingDays,
        @Size(max = MAX_DAYS_OFF) List<@NotNull @CalendarDate LocalDate> holidays,
        @Size(max = MAX_DAYS_OFF) List<@NotNull @Valid TimeOff> timeOff,
        Boolean urgentOnDaysOff) {

    /** A year's worth: more holidays or time-off entries than days in a year is not a calendar. */
    public static final int MAX_DAYS_OFF = 366;

    /** The checks on {@code POST /people}: all the usual ones, and the id is required. */
    public interface Registration extends Default {
    }

    @ValidWorkingHours
    public record Hours(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    @ValidDateRange
    public record TimeOff(@NotNull @CalendarDate LocalDate from, @NotNull @CalendarDate LocalDate to) {
    }

    public record SkillLevel(@NotBlank @Size(max = 50) @SkillName String name, @NotNull @Min(1) @Max(5) Integer level) {
    }

    public Profile profile() {
        return new Profile(name.strip(), email.strip(), chatHandle, timeZone,
                new WorkingHours(workingHours.start(), workingHours.end()),
                skills.stream().map(skill -> new Skill(skill.name(), skill.level())).toList(), capacity,
                presence == null ? Presence.AVAILABLE : presence, slackUserId,
                roles == null ? null : roles.stream().distinct().sorted().toList(),
                DaysOff.of(workingDays == null ? null : Set.copyOf(workingDays), holidays,
                        timeOff == null ? null : timeOff.stream().map(t -> new DateRange(t.from(), t.to())).toList(),
                        urgentOnDaysOff));
    }
}
