package io.caseswarm.platform.store;

/**
 * Another writer appended to the stream since it was loaded. Nothing was written; load the stream
 * again and retry the command.
 */
public class ConcurrencyConflictException extends RuntimeException {

    private final String streamId;
    private final long expectedVersion;

    public ConcurrencyConflictException(String streamId, long expectedVersion) {
        super("Stream " + streamId + " is no longer at version " + expectedVersion);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
