package io.caseswarm.experts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.experts.domain.Evidence.Kind;

/** What an article's use on a case teaches of its author ({@link Learning#articleUsed}). */
class ArticleUsedLearningTest {

    private static final UUID ARTICLE = UUID.randomUUID();
    private static final UUID CASE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aUseBySomeoneElseCreditsTheAuthorOnTheArticlesTagsOncePerArticleAndCase() {
        assertThat(Learning.articleUsed(ARTICLE, CASE, "raj.patel", "mei.chen", "Rotating the SFTP keys",
                List.of("SFTP", " keys ", "sftp"), "File Transfer", NOW)).contains(new Evidence("mei.chen",
                        Kind.ARTICLE_USED, List.of("sftp", "keys"), "File Transfer", ARTICLE + "@" + CASE,
                        "Rotating the SFTP keys", NOW, Learning.ARTICLE_USED));
    }

    @Test
    void anAuthorVouchingForTheirOwnArticleTeachesNothing() {
        assertThat(Learning.articleUsed(ARTICLE, CASE, "mei.chen", "mei.chen", "Rotating the SFTP keys",
                List.of("sftp"), null, NOW)).isEmpty();
    }

    @Test
    void anArticleWithoutAnAuthorOrWithoutTagsTeachesNothing() {
        assertThat(Learning.articleUsed(ARTICLE, CASE, "raj.patel", null, "Old article", List.of("sftp"), null, NOW))
                .isEmpty();
        assertThat(Learning.articleUsed(ARTICLE, CASE, "raj.patel", "mei.chen", "Untagged", List.of(), null, NOW))
                .isEmpty();
        assertThat(Learning.articleUsed(ARTICLE, CASE, "raj.patel", "mei.chen", "Untagged", null, null, NOW))
                .isEmpty();
        assertThat(Learning.articleUsed(ARTICLE, CASE, "raj.patel", "mei.chen", "Blank tags", List.of(" "), null, NOW))
                .isEmpty();
    }
}
