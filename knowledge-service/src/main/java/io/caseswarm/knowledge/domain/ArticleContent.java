package io.caseswarm.knowledge.domain;

import java.util.List;
import java.util.Locale;

/** What an article says. Tags are lower-case and unique. */
public record ArticleContent(String title, String body, List<String> tags, String product) {

    public ArticleContent {
        title = title.strip();
        body = body.strip();
        tags = tags == null ? List.of()
                : tags.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct()
                        .toList();
    }
}
