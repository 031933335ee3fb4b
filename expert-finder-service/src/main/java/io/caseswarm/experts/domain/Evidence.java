package io.caseswarm.experts.domain;

import java.time.Instant;
import java.util.List;

/**
 * One thing that shows what a person knows, or how much they were asked lately: a swarm they were credited on,
 * a case they resolved, an article of theirs, an invitation or a decline. {@code source} (a swarm, case or
 * article id) with the person and kind makes it unique, so learning it twice changes nothing; {@code label} is
 * what a person reads ("CS-001234", an article's title).
 */
public record Evidence(String personId, Kind kind, List<String> skills, String product, String source, String label,
        Instant at, double weight) {

    public Evidence {
        skills = List.copyOf(skills);
    }

    public enum Kind {
        /** Named by the resolution as having helped solve the swarm's case. */
        HELPED("helped on", true),
        /** Worked in the swarm of a resolved case (and wrote in its feed, or not). */
        CREDITED("worked on", true),
        /** Owned the case and resolved it. */
        RESOLVED("resolved", true),
        /** Wrote an article that was published. */
        AUTHORED("authored", true),
        /** An article of theirs helped on a case. */
        ARTICLE_USED("wrote an article used on", true),
        /** Was invited to a swarm: weighs on them for a while. */
        INVITED("invited to", false),
        /** Declined, or let an invitation lapse: weighs on them more. */
        DECLINED("declined", false);

        private final String verb;
        private final boolean expertise;

        Kind(String verb, boolean expertise) {
            this.verb = verb;
            this.expertise = expertise;
        }

        public String verb() {
            return verb;
        }

        /** Whether it shows knowledge; the others are fatigue. */
        public boolean expertise() {
            return expertise;
        }
    }
}
