package io.caseswarm.knowledge.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.caseswarm.knowledge.domain.ArticleContent;

public record ArticleRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50_000) String body,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> tags,
        @Size(max = 100) String product) {

    ArticleContent content() {
        return new ArticleContent(title, body, tags, product);
    }
}
