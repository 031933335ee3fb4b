package io.caseswarm.platform.deadline;

/** The deadlines table could not be read or written; the cause says whether another try may succeed. */
public class DeadlineStoreException extends RuntimeException {

    public DeadlineStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
