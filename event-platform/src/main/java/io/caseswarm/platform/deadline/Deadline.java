package io.caseswarm.platform.deadline;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A deadline as its handler gets it when it is due.
 *
 * @param kind what to do, e.g. {@code sla-warning}; the handler of this kind fires it
 * @param aggregateId the aggregate to do it for
 * @param key the caller's name for it among the aggregate's deadlines of this kind
 * @param dueAt when it was scheduled to fire; it fires at this time or later, never earlier
 * @param payload what the scheduler gave along, as JSON; a {@code NullNode} when it gave nothing
 * @param attempts tries that failed before this one (0 on the first)
 */
public record Deadline(long id, String kind, String aggregateId, String key, Instant dueAt, JsonNode payload,
        int attempts) {
}
