package io.caseswarm.knowledge.domain;

import java.util.UUID;

/** A published article that matches a case's words, with how well it matches. */
public record Suggestion(UUID articleId, String title, double score) {
}
