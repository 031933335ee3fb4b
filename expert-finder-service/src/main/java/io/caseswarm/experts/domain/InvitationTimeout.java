package io.caseswarm.experts.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How long an invitation waits for an answer. Urgent help is needed now, whatever the hour, so its
 * timeout runs on the wall clock; a timeout that is meant as business time ("two hours") counts only the
 * invitee's own working hours, so that an invitation sent in the evening does not lapse overnight.
 *
 * @param timeout how long, for the swarm's priority
 * @param inWorkingHours whether it counts only the invitee's working hours
 */
public record InvitationTimeout(Duration timeout, boolean inWorkingHours) {

    public InvitationTimeout {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("An invitation timeout must be positive, not " + timeout);
        }
    }

    /** When an invitation sent at {@code invitedAt} to a person with {@code profile} expires. */
    public Instant expiresAt(Instant invitedAt, Profile profile) {
        if (!inWorkingHours) {
            return invitedAt.plus(timeout);
        }
        return profile.workingHours().plusWorkingTime(invitedAt, timeout, ZoneId.of(profile.timeZone()));
    }
}
