package io.caseswarm.cases.calendar;

/**
 * A calendar that has no working time at all, or none within {@link BusinessCalendar#SEARCH_LIMIT} of an
 * instant asked about: answering instead of searching on for ever.
 */
public class NoWorkingTimeException extends RuntimeException {

    public NoWorkingTimeException(String message) {
        super(message);
    }
}
