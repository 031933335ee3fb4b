package io.caseswarm.knowledge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleDrafted;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticlePublished;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleRevised;
import io.caseswarm.knowledge.domain.KnowledgeEvent.ArticleUsed;
import io.caseswarm.knowledge.projection.KnowledgeProjector;
import io.caseswarm.platform.rest.CommandRejectedException;

class ArticleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final ArticleDrafted DRAFTED = new ArticleDrafted(ID, "Fixing invoice sync", "Rotate the token",
            List.of("billing"), "Billing Cloud", Visibility.PUBLIC, null, NOW, "mei.chen");

    @Test
    void publishingADraftPublishesItWithItsVisibility() {
        assertThat(given(DRAFTED).publish(NOW)).containsExactly(new ArticlePublished(ID, "Fixing invoice sync",
                List.of("billing"), "Billing Cloud", Visibility.PUBLIC, NOW, "mei.chen"));
    }

    @Test
    void aPublishedArticleCannotBePublishedAgain() {
        ArticlePublished published = (ArticlePublished) given(DRAFTED).publish(NOW).getFirst();
        assertThatThrownBy(() -> given(DRAFTED, published).publish(NOW)).isInstanceOf(CommandRejectedException.class);
    }

    @Test
    void aRevisionOfAPublishedArticleByAnyoneButAReviewerWaitsUntilAReviewerPublishesIt() {
        ArticlePublished published = (ArticlePublished) given(DRAFTED).publish(NOW).getFirst();
        ArticleContent fix = new ArticleContent("Fixing invoice sync", "Rotate the token, then rerun the sync",
                List.of("billing"), "Billing Cloud", Visibility.PUBLIC);
        ArticleRevised pending = new ArticleRevised(ID, "Fixing invoice sync", "Rotate the token, then rerun the sync",
                List.of("billing"), "Billing Cloud", Visibility.PUBLIC, NOW);

        assertThat(given(DRAFTED, published).revise(fix, false, NOW)).containsExactly(pending);
        assertThat(given(DRAFTED, published, pending).hasPendingRevision()).isTrue();
        assertThat(given(DRAFTED, published, pending).publish(NOW)).containsExactly(published);
        assertThat(given(DRAFTED, published, pending, published).hasPendingRevision()).isFalse();
    }

    @Test
    void aReviewersRevisionOfAPublishedArticleIsPublishedWithIt() {
        ArticlePublished published = (ArticlePublished) given(DRAFTED).publish(NOW).getFirst();
        ArticleContent internal = new ArticleContent("Fixing invoice sync", "Rotate the token", List.of("billing"),
                "Billing Cloud", Visibility.INTERNAL);

        assertThat(given(DRAFTED, published).changesPublishedVisibility(internal)).isTrue();
        assertThat(given(DRAFTED).changesPublishedVisibility(internal)).isFalse();
        assertThat(given(DRAFTED, published).revise(internal, true, NOW)).containsExactly(
                new ArticleRevised(ID, "Fixing invoice sync", "Rotate the token", List.of("billing"), "Billing Cloud",
                        Visibility.INTERNAL, NOW),
                new ArticlePublished(ID, "Fixing invoice sync", List.of("billing"), "Billing Cloud",
                        Visibility.INTERNAL, NOW, "mei.chen"));
    }

    @Test
    void revisingChangesTheContentAndTagsAreNormalised() {
        ArticleContent content = new ArticleContent(" Fixing invoice sync ", "Rotate the expired token",
                List.of("Billing", "billing", " Sync "), "Billing Cloud", Visibility.PUBLIC);

        assertThat(given(DRAFTED).revise(content, false, NOW)).containsExactly(new ArticleRevised(ID, "Fixing invoice sync",
                "Rotate the expired token", List.of("billing", "sync"), "Billing Cloud", Visibility.PUBLIC, NOW));
        assertThat(given(DRAFTED).revise(new ArticleContent("Fixing invoice sync", "Rotate the token",
                List.of("billing"), "Billing Cloud", Visibility.PUBLIC), false, NOW)).isEmpty();
    }

    @Test
    void contentWithoutVisibilityIsInternalSoChangingOnlyTheVisibilityIsARevision() {
        ArticleContent unsaid = new ArticleContent("Fixing invoice sync", "Rotate the token", List.of("billing"),
                "Billing Cloud", null);

        assertThat(unsaid.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(given(DRAFTED).revise(unsaid, false, NOW)).singleElement()
                .extracting(event -> ((ArticleRevised) event).visibility()).isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void anArticleEventFromBeforeVisibilityExistedMeansInternal() throws Exception {
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        KnowledgeEvent old = KnowledgeProjector.TYPES.decode("article-drafted", json.readTree("""
                {"articleId":"%s","title":"Old","body":"From last year","tags":[],"product":null,
                 "sourceCaseId":null,"draftedAt":"2025-01-01T00:00:00Z"}""".formatted(ID)), json);

        assertThat(((ArticleDrafted) old).visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(((ArticlePublished) given(old).publish(NOW).getFirst()).visibility())
                .isEqualTo(Visibility.INTERNAL);
    }

    @Test
    void resolvedCaseIsCapturedAsAnInternalDraftWithProblemResolutionAndHelpers() {
        UUID caseId = UUID.randomUUID();
        ResolvedCase resolved = new ResolvedCase(caseId, "CS-000042", "Invoices fail to sync",
                "The nightly sync stops at 40%.", "Billing Cloud", "Rotated the expired sync token",
                List.of("raj.patel"), "ana.lima");

        ArticleDrafted draft = (ArticleDrafted) Article.capture(ID, resolved, NOW).getFirst();

        assertThat(draft.title()).isEqualTo("Invoices fail to sync");
        assertThat(draft.sourceCaseId()).isEqualTo(caseId);
        assertThat(draft.authorId()).as("the owner who solved it").isEqualTo("ana.lima");
        assertThat(draft.tags()).containsExactly("billing cloud");
        assertThat(draft.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(draft.body()).contains("Problem\nThe nightly sync stops at 40%.")
                .contains("Resolution\nRotated the expired sync token").contains("Helped by: raj.patel")
                .contains("CS-000042");
        assertThat(Article.replay(List.of(draft)).status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void aUseNamesThePublishedVersionAndItsAuthorNotAPendingRevision() {
        ArticlePublished published = (ArticlePublished) given(DRAFTED).publish(NOW).getFirst();
        ArticleRevised pending = new ArticleRevised(ID, "Renamed", "Other words", List.of("other"), null,
                Visibility.PUBLIC, NOW);
        UUID caseId = UUID.randomUUID();

        assertThat(given(DRAFTED, published, pending).use(caseId, "raj.patel", NOW)).containsExactly(
                new ArticleUsed(ID, caseId, "raj.patel", "mei.chen", "Fixing invoice sync", List.of("billing"),
                        "Billing Cloud", NOW));
    }

    @Test
    void aSecondUseOnTheSameCaseIsNothingNewAndTheFirstIsRemembered() {
        ArticlePublished published = (ArticlePublished) given(DRAFTED).publish(NOW).getFirst();
        UUID caseId = UUID.randomUUID();
        ArticleUsed first = (ArticleUsed) given(DRAFTED, published).use(caseId, "raj.patel", NOW).getFirst();
        Article used = given(DRAFTED, published, first);

        assertThat(used.use(caseId, "ana.lima", NOW.plusSeconds(60))).isEmpty();
        assertThat(used.useOn(caseId)).contains(first);
        assertThat(used.useOn(UUID.randomUUID())).isEmpty();
        assertThat(used.use(UUID.randomUUID(), "ana.lima", NOW)).hasSize(1);
    }

    @Test
    void aDraftCannotHaveHelpedOnACase() {
        assertThatThrownBy(() -> given(DRAFTED).use(UUID.randomUUID(), "raj.patel", NOW))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("draft");
    }

    private static Article given(KnowledgeEvent... history) {
        return Article.replay(List.of(history));
    }
}
