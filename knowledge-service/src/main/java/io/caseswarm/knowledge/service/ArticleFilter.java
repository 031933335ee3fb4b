package io.caseswarm.knowledge.service;

import io.caseswarm.knowledge.domain.ArticleStatus;

/**
 * Which articles a list or a search may return. {@code status} and {@code product} are what the caller
 * asked for (null: any); {@code publicOnly} is what the caller may see, and narrows whatever they asked:
 * a customer asking for drafts gets none rather than an error that tells them drafts exist.
 */
public record ArticleFilter(ArticleStatus status, String product, boolean publicOnly) {
}
