package io.caseswarm.knowledge.domain;

import java.util.UUID;

/**
 * A published article that matches a case's words, with how well it matches. Its visibility travels
 * with it so that a service showing suggestions to a customer can leave out the internal ones.
 */
public record Suggestion(UUID articleId, String title, double score, Visibility visibility) {

    public Suggestion {
        visibility = Visibility.orInternal(visibility);
    }
}
