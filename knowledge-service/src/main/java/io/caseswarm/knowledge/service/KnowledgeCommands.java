package io.caseswarm.knowledge.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.caseswarm.knowledge.domain.Article;
import io.caseswarm.knowledge.domain.ArticleContent;
import io.caseswarm.knowledge.domain.ArticleStatus;
import io.caseswarm.knowledge.domain.KnowledgeEvent;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleUsed;
import io.caseswarm.knowledge.domain.KnowledgeEvent.KnowledgeSuggested;
import io.caseswarm.knowledge.domain.ResolvedCase;
import io.caseswarm.knowledge.domain.Suggestion;
import io.caseswarm.knowledge.projection.ArticleView;
import io.caseswarm.knowledge.projection.KnowledgeProjector;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;

/** Writes to the knowledge base: articles by hand, suggestions for new cases, drafts from resolved ones. */
@ApplicationScoped
@RetryOnConflict
public class KnowledgeCommands {

    public static final String STREAM_TYPE = "knowledge";
    public static final int SUGGESTIONS_PER_CASE = 5;

    private final EventStore store;
    private final KnowledgeProjector projector;
    private final ArticleSearch search;
    private final SeenCases seenCases;
    // Microseconds, as PostgreSQL keeps them.
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    KnowledgeCommands(EventStore store, KnowledgeProjector projector, ArticleSearch search, SeenCases seenCases) {
        this.store = store;
        this.projector = projector;
        this.search = search;
        this.seenCases = seenCases;
    }

    @Transactional
    public UUID draft(ArticleContent content, String authorId) {
        UUID id = UUID.randomUUID();
        append(id, 0, Article.draft(id, content, null, authorId, clock.instant()));
        return id;
    }

    /**
     * Leads and admins review what readers see: their revision of a published article is published with it,
     * anyone else's waits for them. Who reads a published article is theirs alone to change; checked on the
     * article's own history in the transaction that appends.
     */
    @Transactional
    public void revise(UUID articleId, ArticleContent content, Caller caller) {
        boolean reviewer = caller.isAny(Roles.LEAD, Roles.ADMIN);
        decide(articleId, article -> {
            if (!reviewer && article.changesPublishedVisibility(content)) {
                throw ForbiddenFieldsException.of("visibility",
                        "only a lead or an admin changes the visibility of a published article");
            }
            return article.revise(content, reviewer, clock.instant());
        });
    }

    @Transactional
    public void publish(UUID articleId) {
        decide(articleId, article -> article.publish(clock.instant()));
    }

    /**
     * {@code usedBy} says the published article helped on the case. The first time, that is news for the article's
     * author (article-used); after that, the first use is answered again and nothing is appended.
     */
    @Transactional
    public Use use(UUID articleId, UUID caseId, String usedBy) {
        Article article = load(articleId);
        if (!seenCases.known(caseId)) {
            throw new NotFoundException("The knowledge base has not seen case " + caseId);
        }
        List<KnowledgeEvent> events = article.use(caseId, usedBy, clock.instant());
        if (events.isEmpty()) {
            return new Use(article.useOn(caseId).orElseThrow(), false);
        }
        append(articleId, article.version(), events);
        return new Use((ArticleUsed) events.getFirst(), true);
    }

    /** A use of an article on a case; {@code first} unless it had been said before. */
    public record Use(ArticleUsed used, boolean first) {
    }

    /** Runs in the inbox's transaction: the suggestion and the record of the case-opened commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suggestFor(UUID caseId, String caseText, String product) {
        List<Suggestion> suggestions = search.suggestFor(caseText, product, SUGGESTIONS_PER_CASE);
        if (!suggestions.isEmpty()) {
            append(caseId, 0, List.of(new KnowledgeSuggested(caseId, suggestions, clock.instant())));
        }
    }

    /**
     * The fix becomes a draft; a case resolved again while its draft is unpublished adds to that draft. Once
     * the draft is published, a new fix is new knowledge and gets a draft of its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void capture(ResolvedCase resolved) {
        Optional<ArticleView> draft = ArticleView.find("sourceCaseId = ?1 and status = ?2", resolved.caseId(),
                ArticleStatus.DRAFT).firstResultOptional();
        if (draft.isPresent()) {
            decide(draft.get().articleId, article -> article.recapture(resolved, clock.instant()));
            return;
        }
        UUID id = UUID.randomUUID();
        append(id, 0, Article.capture(id, resolved, clock.instant()));
    }

    private void decide(UUID articleId, Function<Article, List<KnowledgeEvent>> decision) {
        Article article = load(articleId);
        append(articleId, article.version(), decision.apply(article));
    }

    private Article load(UUID articleId) {
        Article article = Article.replay(store.load(articleId.toString(), KnowledgeProjector.TYPES));
        if (!article.exists()) {
            throw new NotFoundException("No article " + articleId);
        }
        return article;
    }

    private void append(UUID streamId, long expectedVersion, List<KnowledgeEvent> events) {
        projector.project(store.append(STREAM_TYPE, streamId.toString(), expectedVersion, events));
    }
}
