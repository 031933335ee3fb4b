package io.caseswarm.knowledge.projection;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.knowledge.domain.ArticleStatus;
import io.caseswarm.knowledge.domain.KnowledgeEvent;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleDrafted;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticlePublished;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleRevised;
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
                    view.title = revised.title();
                    view.body = revised.body();
                    view.tags = revised.tags();
                    view.product = revised.product();
                    view.visibility = revised.visibility();
                    view.updatedAt = revised.revisedAt();
                    view.version = stored.version();
                }
                case ArticlePublished published -> {
                    ArticleView view = ArticleView.findById(published.articleId());
                    view.status = ArticleStatus.PUBLISHED;
                    view.updatedAt = published.publishedAt();
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
}
