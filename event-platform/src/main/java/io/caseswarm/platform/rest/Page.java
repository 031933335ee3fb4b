package io.caseswarm.platform.rest;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list: {@code nextCursor} is there whenever more items follow, and is what the client
 * passes as {@code cursor} to get them. Every list Caseswarm answers has this shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page from a query that fetched one row more than {@code limit}: that extra row says a next page
     * exists, and the last row shown names where it starts.
     */
    public <R> Page<R> map(Function<T, R> shown) {
        return new Page<>(items.stream().map(shown).toList(), nextCursor);
    }

    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<R, Cursor> cursorAfter, Function<R, T> shown) {
        List<R> rows = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        String next = fetched.size() > limit ? cursorAfter.apply(rows.getLast()).encoded() : null;
        return new Page<>(rows.stream().map(shown).toList(), next);
    }
}
