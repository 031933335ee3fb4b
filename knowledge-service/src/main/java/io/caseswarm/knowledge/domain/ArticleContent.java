package io.caseswarm.knowledge.domain;

import java.util.List;
import java.util.Locale;

/** What an article says, and to whom. Tags are lower-case and unique; no visibility means internal. */
public record ArticleContent(String title, String body, List<String> tags, String product, Visibility visibility) {

    public ArticleContent {
        title = title.strip();
        body = body.strip();
        tags = tags == null ? List.of()
                : tags.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct()
                        .toList();
        visibility = Visibility.orInternal(visibility);
    }
}
