package io.caseswarm.platform.live;

import java.util.OptionalLong;

import io.caseswarm.platform.rest.InvalidFieldException;

/**
 * Where a client resumes a live stream: the id of the last event it has, from the {@code Last-Event-ID}
 * header (what a browser's EventSource sends when it reconnects) or, for clients that cannot set headers,
 * the {@code lastEventId} query parameter. The header wins: a reconnecting EventSource keeps the URL it was
 * opened with, so its parameter is older than its header.
 */
public final class LastEventId {

    public static final String HEADER = "Last-Event-ID";
    public static final String PARAMETER = "lastEventId";

    private LastEventId() {
    }

    /** Empty when the client gave none; anything but a whole number of 0 or more is a 400 naming where it came from. */
    public static OptionalLong of(String header, String parameter) {
        if (header != null && !header.isBlank()) {
            return OptionalLong.of(parse(HEADER, header));
        }
        if (parameter != null) {
            return OptionalLong.of(parse(PARAMETER, parameter));
        }
        return OptionalLong.empty();
    }

    private static long parse(String where, String value) {
        String id = value.strip();
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidFieldException(where, "must be the id of an event of this stream: a whole number of 0 or more");
        }
        return Long.parseLong(id);
    }
}
