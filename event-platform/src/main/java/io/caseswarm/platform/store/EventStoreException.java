package io.caseswarm.platform.store;

/** The event store could not do its work (the database failed or a payload could not be read or written). */
public class EventStoreException extends RuntimeException {

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
