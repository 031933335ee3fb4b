package io.caseswarm.cases.sla;

import java.time.Duration;
import java.util.Optional;

/**
 * What a policy promises, in counted time: each milestone's target (absent: no promise), the share of a
 * target after which the milestone warns, and whether on-hold stops the clock as pending does.
 */
public record SlaTargets(Duration firstResponse, Duration nextResponse, Duration resolution, double warnAt,
        boolean pauseOnHold) {

    public SlaTargets {
        if (warnAt <= 0 || warnAt >= 1) {
            throw new IllegalArgumentException("warnAt is a share of the target, between 0 and 1: " + warnAt);
        }
    }

    public Optional<Duration> target(SlaMilestone milestone) {
        return Optional.ofNullable(switch (milestone) {
            case FIRST_RESPONSE -> firstResponse;
            case NEXT_RESPONSE -> nextResponse;
            case RESOLUTION -> resolution;
        });
    }

    /** The counted time after which the milestone warns: {@code warnAt} of its target, to the second. */
    public Duration warningAfter(Duration target) {
        return Duration.ofSeconds(Math.round(target.toSeconds() * warnAt));
    }
}
