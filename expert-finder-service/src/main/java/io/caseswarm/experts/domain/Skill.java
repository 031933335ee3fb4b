package io.caseswarm.experts.domain;

import java.util.Locale;

/** A skill with a level from 1 (knows of it) to 5 (the one everybody asks). Names are case-insensitive. */
public record Skill(String name, int level) {

    public Skill {
        name = name.strip().toLowerCase(Locale.ROOT);
    }
}
