package io.caseswarm.experts.rest;

import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.WorkingHours;

/**
 * A person's profile. {@code id} names a new person on {@code POST /people} and is left out (or repeated)
 * on {@code PUT /people/{id}}; presence defaults to {@code available}.
 */
public record PersonRequest(
        @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$",
                message = "must be a person id: lower-case letters, digits, '.', '_' or '-'") String id,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 100) String chatHandle,
        @NotNull @ValidTimeZone String timeZone,
        @NotNull @Valid Hours workingHours,
        @NotNull @Size(min = 1, max = 50) List<@Valid SkillLevel> skills,
        @Min(1) @Max(10) int capacity,
        Presence presence) {

    public record Hours(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    public record SkillLevel(@NotBlank @Size(max = 60) String name, @Min(1) @Max(5) int level) {
    }

    Profile profile() {
        return new Profile(name.strip(), email.strip(), chatHandle, timeZone,
                new WorkingHours(workingHours.start(), workingHours.end()),
                skills.stream().map(skill -> new Skill(skill.name(), skill.level())).toList(), capacity,
                presence == null ? Presence.AVAILABLE : presence);
    }
}
