package io.caseswarm.knowledge.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.caseswarm.knowledge.domain.ArticleContent;
import io.caseswarm.knowledge.domain.Visibility;

/** An article's content, to draft or to revise. No {@code visibility} means internal. */
public record ArticleRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = Text.ONE_LINE, message = Text.NO_CONTROL_CHARACTERS) String title,
        @NotBlank @Size(max = 20_000) @Pattern(regexp = Text.PROSE, message = Text.NO_CONTROL_CHARACTERS) String body,
        @Size(max = 20) List<@NotBlank @Size(max = 50)
                @Pattern(regexp = Text.ONE_LINE, message = Text.NO_CONTROL_CHARACTERS) String> tags,
        @Size(max = 100) @Pattern(regexp = Text.ONE_LINE, message = Text.NO_CONTROL_CHARACTERS) String product,
        Visibility visibility) {

    ArticleContent content() {
        return new ArticleContent(title, body, tags, product, visibility);
    }
}
