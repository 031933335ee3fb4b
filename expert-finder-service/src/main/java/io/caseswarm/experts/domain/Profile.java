package io.caseswarm.experts.domain;

import java.util.List;

/** Everything the directory knows of a person; each directory event carries the whole of it. */
public record Profile(String name, String email, String chatHandle, String timeZone, WorkingHours workingHours,
        List<Skill> skills, int capacity, Presence presence) {

    public Profile {
        skills = List.copyOf(skills);
    }

    public Profile withPresence(Presence newPresence) {
        return new Profile(name, email, chatHandle, timeZone, workingHours, skills, capacity, newPresence);
    }
}
