package io.caseswarm.knowledge.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleDrafted;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticlePublished;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleRevised;
import io.caseswarm.knowledge.domain.KnowledgeEvent.KnowledgeSuggested;
import io.caseswarm.platform.rest.CommandRejectedException;

/** A knowledge article: drafted (by hand or from a resolved case), revised, published once. */
public final class Article {

    private UUID id;
    private ArticleContent content;
    private ArticleStatus status;
    private long version;

    private Article() {
    }

    public static Article replay(List<? extends KnowledgeEvent> history) {
        Article article = new Article();
        history.forEach(article::apply);
        return article;
    }

    public static List<KnowledgeEvent> draft(UUID articleId, ArticleContent content, UUID sourceCaseId, Instant now) {
        return List.of(new ArticleDrafted(articleId, content.title(), content.body(), content.tags(),
                content.product(), content.visibility(), sourceCaseId, now));
    }

    /**
     * Knowledge-centred service: the fix of a resolved case becomes a draft, in the words of the case,
     * for someone to review and publish. It is internal: the case's words are not yet fit for customers.
     */
    public static List<KnowledgeEvent> capture(UUID articleId, ResolvedCase resolved, Instant now) {
        String helpers = resolved.helpedBy() == null || resolved.helpedBy().isEmpty() ? ""
                : "\n\nHelped by: " + String.join(", ", resolved.helpedBy());
        String body = "Problem\n" + resolved.description() + "\n\nResolution\n" + resolved.summary()
                + helpers + "\n\nFrom case " + resolved.number() + ".";
        List<String> tags = resolved.product() == null ? List.of() : List.of(resolved.product());
        ArticleContent content = new ArticleContent(resolved.subject(), body, tags, resolved.product(),
                Visibility.INTERNAL);
        return draft(articleId, content, resolved.caseId(), now);
    }

    public List<KnowledgeEvent> revise(ArticleContent newContent, Instant now) {
        if (newContent.equals(content)) {
            return List.of();
        }
        return List.of(new ArticleRevised(id, newContent.title(), newContent.body(), newContent.tags(),
                newContent.product(), newContent.visibility(), now));
    }

    public List<KnowledgeEvent> publish(Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            throw new CommandRejectedException("The article is already published");
        }
        return List.of(new ArticlePublished(id, content.title(), content.tags(), content.product(),
                content.visibility(), now));
    }

    void apply(KnowledgeEvent event) {
        switch (event) {
            case ArticleDrafted drafted -> {
                id = drafted.articleId();
                content = new ArticleContent(drafted.title(), drafted.body(), drafted.tags(), drafted.product(),
                        drafted.visibility());
                status = ArticleStatus.DRAFT;
            }
            case ArticleRevised revised -> content = new ArticleContent(revised.title(), revised.body(),
                    revised.tags(), revised.product(), revised.visibility());
            case ArticlePublished published -> status = ArticleStatus.PUBLISHED;
            case KnowledgeSuggested suggested -> throw new IllegalStateException("Suggestions belong to a case's stream");
        }
        version++;
    }

    public boolean exists() {
        return id != null;
    }

    public ArticleStatus status() {
        return status;
    }

    public long version() {
        return version;
    }
}
