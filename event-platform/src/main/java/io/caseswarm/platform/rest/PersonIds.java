package io.caseswarm.platform.rest;

/**
 * The one rule for person ids, the event contract's ({@code personId} in docs/schemas): a directory id
 * such as {@code ana.lima}, the user name in the caller's token, so "is this me?" is a plain comparison.
 * Lower-case only, so that {@code Ana.Lima} cannot become a second person; {@code @} is allowed for
 * directories that use e-mail addresses as user names. Every service checks person ids at its edge with
 * it ({@link PersonId}), so an id one service accepts is one every other service and every consumer of
 * the events accepts too.
 */
public final class PersonIds {

    /** The schemas' {@code personId} pattern, character for character. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9._@-]{1,63}$";

    /** What a client is told, in the problem's {@code errors}, for an id that breaks the rule. */
    public static final String MESSAGE =
            "must be a person id: 2 to 64 lower-case letters, digits, '.', '_', '@' or '-', starting with a letter or digit";

    private PersonIds() {
    }
}
