package io.caseswarm.platform.rest;

/**
 * A well-formed command that the aggregate refuses in its current state (for example resolving a case
 * that is already resolved). Answered with 409 Conflict and the reason; nothing is written.
 */
public class CommandRejectedException extends RuntimeException {

    public CommandRejectedException(String reason) {
        super(reason);
    }
}
