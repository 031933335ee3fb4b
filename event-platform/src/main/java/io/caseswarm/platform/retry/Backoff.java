package io.caseswarm.platform.retry;

import java.time.Duration;

/**
 * How long to wait after failures in a row: {@code first} after the first, twice as long after each
 * further one, never more than {@code max}. A failure that persists is tried at a steady, bounded
 * rate instead of in a hot loop, and one that passes is noticed within {@code max}.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("Back-off must start above zero and not exceed its maximum: " + first
                    + ", " + max);
        }
    }

    /** The pause after {@code failures} failures in a row (1 for the first). */
    public Duration after(int failures) {
        Duration pause = first;
        for (int i = 1; i < failures && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) <= 0 ? pause : max;
    }
}
