package io.caseswarm.knowledge.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** The case an article helped on. */
public record ArticleUseRequest(@NotNull UUID caseId) {
}
