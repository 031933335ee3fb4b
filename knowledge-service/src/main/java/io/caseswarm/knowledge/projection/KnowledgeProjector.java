package io.caseswarm.knowledge.projection;

import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.knowledge.domain.ArticleStatus;
import io.caseswarm.knowledge.domain.KnowledgeEvent;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleDrafted;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticlePublished;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleRevised;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleUsed;
import io.caseswarm.knowledge.domain.KnowledgeEvent.KnowledgeSuggested;
import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;

/** Keeps articles and suggestions readable and searchable, in the transaction that appends their events. */
@ApplicationScoped
public class KnowledgeProjector {

    public static final EventTypes<KnowledgeEvent> TYPES = EventTypes.of(KnowledgeEvent.class);

    private final EventStore store;

    KnowledgeProjector(EventStore store) {
        this.store = store;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void project(List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            switch (store.decode(stored, TYPES)) {
                case ArticleDrafted drafted -> {
                    ArticleView view = new ArticleView();
                    view.articleId = drafted.articleId();
                    view.title = drafted.title();
                    view.body = drafted.body();
                    view.tags = drafted.tags();
                    view.product = drafted.product();
                    view.visibility = drafted.visibility();
                    view.status = ArticleStatus.DRAFT;
                    view.sourceCaseId = drafted.sourceCaseId();
                    view.createdAt = drafted.draftedAt();
                    view.updatedAt = drafted.draftedAt();
                    view.version = stored.version();
                    view.persist();
                }
                case ArticleRevised revised -> {
                    ArticleView view = ArticleView.findById(revised.articleId());
                    if (view.status == ArticleStatus.PUBLISHED) {
                        pending(view, revised);
                    } else {
                        view.title = revised.title();
                        view.body = revised.body();
                        view.tags = revised.tags();
                        view.product = revised.product();
                        view.visibility = revised.visibility();
                        view.updatedAt = revised.revisedAt();
                    }
                    view.version = stored.version();
                }
                case ArticlePublished published -> {
                    ArticleView view = ArticleView.findById(published.articleId());
                    if (view.hasPendingRevision()) {
                        view.title = view.pendingTitle;
                        view.body = view.pendingBody;
                        view.tags = view.pendingTags;
                        view.product = view.pendingProduct;
                        view.visibility = view.pendingVisibility;
                        clearPending(view);
                    }
                    view.status = ArticleStatus.PUBLISHED;
                    view.updatedAt = published.publishedAt();
                    view.version = stored.version();
                }
                case ArticleUsed used -> {
                    // A use changes what the article is worth, not what it says: updatedAt stays.
                    ArticleView view = ArticleView.findById(used.articleId());
                    view.uses++;
                    view.version = stored.version();
                }
                case KnowledgeSuggested suggested -> {
                    CaseSuggestions view = new CaseSuggestions();
                    view.caseId = suggested.caseId();
                    view.suggestions = suggested.suggestions();
                    view.suggestedAt = suggested.suggestedAt();
                    view.persist();
                }
            }
        }
    }

    /**
     * A revision of a published article waits beside the published version. One that brings the article
     * back to what is published leaves nothing to review.
     */
    private static void pending(ArticleView view, ArticleRevised revised) {
        boolean asPublished = Objects.equals(revised.title(), view.title) && Objects.equals(revised.body(), view.body)
                && Objects.equals(revised.tags(), view.tags) && Objects.equals(revised.product(), view.product)
                && revised.visibility() == view.visibility;
        if (asPublished) {
            clearPending(view);
            return;
        }
        view.pendingTitle = revised.title();
        view.pendingBody = revised.body();
        view.pendingTags = revised.tags();
        view.pendingProduct = revised.product();
        view.pendingVisibility = revised.visibility();
        view.pendingSince = revised.revisedAt();
    }

    private static void clearPending(ArticleView view) {
        view.pendingTitle = null;
        view.pendingBody = null;
        view.pendingTags = null;
        view.pendingProduct = null;
        view.pendingVisibility = null;
        view.pendingSince = null;
    }
}
