package io.caseswarm.platform.retry;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure another system told us, or showed us, is of the moment: it is busy (rate-limited, with or
 * without a time to wait) or could not be reached. {@link TransientFailures} counts it as transient, so
 * a consumer's inbox tries the event again.
 */
public class TryAgainLaterException extends RuntimeException {

    private final Duration retryAfter;

    public TryAgainLaterException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the other system asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
