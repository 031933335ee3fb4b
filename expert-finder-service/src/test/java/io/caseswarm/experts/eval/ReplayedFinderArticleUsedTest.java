package io.caseswarm.experts.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The offline replay learns from article-used as the service does: the author, unless they marked it. */
class ReplayedFinderArticleUsedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FinderQuery TLS = new FinderQuery("q-1", List.of("tls"), null, "", 1);

    private final ReplayedFinder finder = ReplayedFinder.full();

    @Test
    void anArticleUsedByAnotherOnACaseShowsItsAuthorAndOneTheyMarkedThemselvesDoesNot() throws Exception {
        register("ana");
        register("bo");
        apply("article-used", used("bo", "bo"));
        assertThat(finder.rank(TLS, 5)).isEmpty();

        apply("article-used", used("raj", "ana"));
        assertThat(finder.rank(TLS, 5)).containsExactly("ana");
    }

    @Test
    void anArticleUsedWithoutItsCaseStopsTheReplay() {
        assertThatThrownBy(() -> apply("article-used", """
                {"articleId":"%s","usedBy":"raj","authorId":"ana","title":"TLS","tags":["tls"],"product":null,
                 "usedAt":"2026-05-02T10:00:00Z"}""".formatted(UUID.randomUUID())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseId");
    }

    /** Someone who declares nothing the query asks for, always at work and free. */
    private void register(String personId) throws Exception {
        apply("expert-registered", """
                {"personId":"%s","name":"%s","email":"%s@example.com","timeZone":"UTC",
                 "workingHours":{"start":"00:00","end":"23:59"},"capacity":3,"presence":"available",
                 "skills":[{"name":"knitting","level":1}],"registeredAt":"2026-05-01T10:00:00Z"}"""
                .formatted(personId, personId, personId));
    }

    private static String used(String usedBy, String authorId) {
        return """
                {"articleId":"%s","caseId":"%s","usedBy":"%s","authorId":"%s","title":"Renewing TLS certificates",
                 "tags":["TLS"],"product":null,"usedAt":"2026-05-02T10:00:00Z"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), usedBy, authorId);
    }

    private void apply(String type, String data) throws Exception {
        finder.apply(JSON.readTree("""
                {"specversion":"1.0","id":"%s","type":"%s","source":"test","subject":"s",
                 "time":"2026-05-02T10:00:00Z","data":%s}""".formatted(UUID.randomUUID(), type, data)));
    }
}
