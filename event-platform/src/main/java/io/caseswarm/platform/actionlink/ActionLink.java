package io.caseswarm.platform.actionlink;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a signed one-time link lets its holder do: {@code action} on {@code target} as {@code personId},
 * until {@code expiresAt}. The id makes each link unique, so that the service honouring it can record it
 * as used.
 */
public record ActionLink(UUID id, String personId, String action, String target, Instant expiresAt) {

    public ActionLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        for (String field : new String[] {personId, action, target}) {
            // The fields are written one to a line inside the token.
            if (field == null || field.isEmpty() || field.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("An action link's person, action and target are one line each");
            }
        }
    }
}
