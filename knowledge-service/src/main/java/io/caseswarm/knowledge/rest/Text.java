package io.caseswarm.knowledge.rest;

/**
 * What text an article may hold, as {@code @Pattern}s. PostgreSQL refuses a NUL character and lone
 * UTF-16 surrogates cannot be stored faithfully, so both would fail deep in a write; refusing them up
 * front makes them the client's 400, not our 500.
 */
final class Text {

    /** A title, a tag, a product, a search: one line, no control characters. */
    static final String ONE_LINE = "[^\\p{Cntrl}\\p{Cs}]*";
    /** An article's body: lines, tabs, no other control characters. */
    static final String PROSE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\p{Cs}]*";
    static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

    private Text() {
    }
}
