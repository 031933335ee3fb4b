package io.caseswarm.knowledge.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleDrafted;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticlePublished;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleRevised;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleUsed;
import io.caseswarm.knowledge.domain.KnowledgeEvent.KnowledgeSuggested;
import io.caseswarm.platform.rest.CommandRejectedException;

/**
 * A knowledge article: drafted (by hand or from a resolved case), revised, published by a lead or an
 * admin. It keeps two versions: the latest revision and the published one, which is what readers see.
 * Before the first publication they are one draft. Once published, a revision by anyone but a reviewer
 * (a lead or an admin) is pending: readers keep the published version until a reviewer publishes again.
 * A reviewer's revision is published at once, since publishing is their review. Staff say when a published
 * article helped on a case; each case counts once.
 */
public final class Article {

    private UUID id;
    /** The latest revision: the draft, or a published article's pending revision. */
    private ArticleContent content;
    /** What readers see; null until the article is first published. */
    private ArticleContent published;
    private ArticleStatus status;
    private String authorId;
    /** The first use on each case: a later mark on the same case is the same news, answered with this one. */
    private final Map<UUID, ArticleUsed> uses = new HashMap<>();
    private long version;

    private Article() {
    }

    public static Article replay(List<? extends KnowledgeEvent> history) {
        Article article = new Article();
        history.forEach(article::apply);
        return article;
    }

    /** A draft by {@code authorId}; publishing it credits them (the expert finder learns what they know). */
    public static List<KnowledgeEvent> draft(UUID articleId, ArticleContent content, UUID sourceCaseId,
            String authorId, Instant now) {
        return List.of(new ArticleDrafted(articleId, content.title(), content.body(), content.tags(),
                content.product(), content.visibility(), sourceCaseId, now, authorId));
    }

    /**
     * Knowledge-centred service: the fix of a resolved case becomes a draft, in the words of the case,
     * for someone to review and publish. It is internal: the case's words are not yet fit for customers. Its
     * author is the case's owner, who solved it.
     */
    public static List<KnowledgeEvent> capture(UUID articleId, ResolvedCase resolved, Instant now) {
        String helpers = resolved.helpedBy() == null || resolved.helpedBy().isEmpty() ? ""
                : "\n\nHelped by: " + String.join(", ", resolved.helpedBy());
        String body = "Problem\n" + resolved.description() + "\n\nResolution\n" + resolved.summary()
                + helpers + "\n\nFrom case " + resolved.number() + ".";
        List<String> tags = resolved.product() == null ? List.of() : List.of(resolved.product());
        ArticleContent content = new ArticleContent(resolved.subject(), body, tags, resolved.product(),
                Visibility.INTERNAL);
        return draft(articleId, content, resolved.caseId(), resolved.ownerId(), now);
    }

    /**
     * The case this draft came from was reopened and resolved again: its new fix is added to the draft,
     * keeping whatever a reviewer has written since, so that one case gives one draft.
     */
    public List<KnowledgeEvent> recapture(ResolvedCase resolved, Instant now) {
        String body = content.body() + "\n\nResolved again after it was reopened\n" + resolved.summary();
        return revise(new ArticleContent(content.title(), body, content.tags(), content.product(), content.visibility()),
                false, now);
    }

    /**
     * A new revision. On a published article it waits for a reviewer, unless {@code byReviewer}: then it is
     * published with it. Who may change a published article's visibility is checked by the command handler
     * ({@link #changesPublishedVisibility}), since it is a question of the caller's role.
     */
    public List<KnowledgeEvent> revise(ArticleContent newContent, boolean byReviewer, Instant now) {
        if (newContent.equals(content)) {
            return List.of();
        }
        ArticleRevised revised = new ArticleRevised(id, newContent.title(), newContent.body(), newContent.tags(),
                newContent.product(), newContent.visibility(), now);
        if (status == ArticleStatus.PUBLISHED && byReviewer) {
            return List.of(revised, published(newContent, now));
        }
        return List.of(revised);
    }

    /** Publishes the latest revision: the draft the first time, a pending revision after that. */
    public List<KnowledgeEvent> publish(Instant now) {
        if (status == ArticleStatus.PUBLISHED && !hasPendingRevision()) {
            throw new CommandRejectedException("The article is already published as it reads; nothing is pending");
        }
        return List.of(published(content, now));
    }

    /**
     * {@code usedBy} says the article helped on the case: it names the published version, which is what they read.
     * Nothing new if it was said already for that case. A draft helped no customer, so it cannot be used.
     */
    public List<KnowledgeEvent> use(UUID caseId, String usedBy, Instant now) {
        if (published == null) {
            throw new CommandRejectedException(
                    "The article is a draft: only a published article can have helped on a case");
        }
        if (uses.containsKey(caseId)) {
            return List.of();
        }
        return List.of(new ArticleUsed(id, caseId, usedBy, authorId, published.title(), published.tags(),
                published.product(), now));
    }

    /** The first use of the article on the case, if it was used on it. */
    public Optional<ArticleUsed> useOn(UUID caseId) {
        return Optional.ofNullable(uses.get(caseId));
    }

    /** Whether {@code newContent} would show a published article to other readers than it does now. */
    public boolean changesPublishedVisibility(ArticleContent newContent) {
        return published != null && newContent.visibility() != published.visibility();
    }

    public boolean hasPendingRevision() {
        return published != null && !content.equals(published);
    }

    private ArticlePublished published(ArticleContent revision, Instant now) {
        return new ArticlePublished(id, revision.title(), revision.tags(), revision.product(), revision.visibility(),
                now, authorId);
    }

    void apply(KnowledgeEvent event) {
        switch (event) {
            case ArticleDrafted drafted -> {
                id = drafted.articleId();
                content = new ArticleContent(drafted.title(), drafted.body(), drafted.tags(), drafted.product(),
                        drafted.visibility());
                status = ArticleStatus.DRAFT;
                authorId = drafted.authorId();
            }
            case ArticleRevised revised -> content = new ArticleContent(revised.title(), revised.body(),
                    revised.tags(), revised.product(), revised.visibility());
            case ArticlePublished publication -> {
                published = content;
                status = ArticleStatus.PUBLISHED;
            }
            case ArticleUsed used -> uses.putIfAbsent(used.caseId(), used);
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
