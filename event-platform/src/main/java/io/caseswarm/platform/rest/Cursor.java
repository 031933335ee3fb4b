package io.caseswarm.platform.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where the next page of a keyset-paged list starts: the sort key of the last item shown. Clients treat
 * it as opaque; it is the key's values, joined and base64url-encoded. Paging by key rather than by offset
 * keeps pages stable while items are inserted: nothing is skipped or shown twice.
 */
public record Cursor(List<String> values) {

    private static final String SEPARATOR = "\u001f";

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(Object... values) {
        return new Cursor(Arrays.stream(values).map(String::valueOf).toList());
    }

    public String encoded() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; anything that is not one of ours with {@code parts} values is a 400 naming {@code cursor}. */
    public static Cursor decode(String encoded, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            List<String> values = List.of(joined.split(SEPARATOR, -1));
            if (values.size() != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return new Cursor(values);
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    public String get(int index) {
        return values.get(index);
    }

    public long longAt(int index) {
        return parsed(index, Long::parseLong);
    }

    public Instant instantAt(int index) {
        return parsed(index, Instant::parse);
    }

    public UUID uuidAt(int index) {
        return parsed(index, UUID::fromString);
    }

    private <T> T parsed(int index, Function<String, T> parser) {
        try {
            return parser.apply(values.get(index));
        } catch (RuntimeException e) {
            throw notOurs();
        }
    }

    private static InvalidFieldException notOurs() {
        return new InvalidFieldException("cursor", "not a cursor this list gave out; start again without one");
    }
}
