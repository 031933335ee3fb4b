package io.caseswarm.cases.rest;

import static io.caseswarm.cases.rest.Desk.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.cases.domain.Tags;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Malformed and hostile patches get a 4xx problem document naming the field, never a 500, and change nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseFieldsHostileInputTest extends DeskTest {

    private static final String SQL = "'; drop table case_view; --";
    private static final String SCRIPT = "<script>alert(1)</script>";

    private static String note;
    private static String seats;

    @BeforeEach
    void declareFields() {
        if (note == null) {
            note = desk.declareField("note", "{\"type\": \"text\"}");
            seats = desk.declareField("seats", "{\"type\": \"number\"}");
        }
    }

    @Test
    void wrongTypesAreRefusedByField() {
        String id = desk.openCase(Desk.newCustomer());
        String before = desk.snapshot(id);

        refused(id, "{\"priority\": 5}", "priority");
        refused(id, "{\"priority\": \"highest\"}", "priority");
        refused(id, "{\"priority\": [\"high\"]}", "priority");
        refused(id, "{\"product\": {\"name\": \"x\"}}", "product");
        refused(id, "{\"category\": true}", "category");
        refused(id, "{\"tags\": \"vip\"}", "tags");
        refused(id, "{\"tags\": [1]}", "tags[0]");
        refused(id, "{\"tags\": [\"vip\", null]}", "tags[1]");
        refused(id, "{\"tags\": [[\"vip\"]]}", "tags[0]");
        refused(id, "{\"customFields\": [\"" + note + "\"]}", "customFields");
        refused(id, "{\"customFields\": \"" + note + "\"}", "customFields");
        refused(id, "{\"customFields\": {\"" + note + "\": 42}}", "customFields." + note);
        refused(id, "{\"customFields\": {\"" + note + "\": {\"$gt\": \"\"}}}", "customFields." + note);
        refused(id, "{\"customFields\": {\"" + seats + "\": true}}", "customFields." + seats);
        refused(id, "{\"customFields\": {\"" + seats + "\": [1, 2]}}", "customFields." + seats);
        refused(id, "{\"product\": \"   \"}", "product");
        desk.owner().contentType("application/merge-patch+json").body("[{\"priority\": \"high\"}]")
                .patch("/cases/" + id).then().statusCode(400).contentType("application/problem+json");
        desk.owner().contentType("application/merge-patch+json").body("{\"priority\": \"high\"").patch("/cases/" + id)
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(desk.snapshot(id)).isEqualTo(before);
    }

    @Test
    void hugeStringsAndTooManyTagsAreRefusedByField() {
        String id = desk.openCase(Desk.newCustomer());
        String before = desk.snapshot(id);

        refused(id, "{\"product\": \"" + "p".repeat(101) + "\"}", "product");
        refused(id, "{\"category\": \"" + "c".repeat(5_000) + "\"}", "category");
        refused(id, "{\"tags\": [\"" + "t".repeat(41) + "\"]}", "tags[0]");
        refused(id, "{\"tags\": " + quoted(Collections.nCopies(10_000, "t")) + "}", "tags");
        refused(id, "{\"tags\": " + quoted(Collections.nCopies(21, "t")) + "}", "tags");
        refused(id, "{\"customFields\": {\"" + note + "\": \"" + "n".repeat(501) + "\"}}", "customFields." + note);
        refused(id, "{\"customFields\": {\"" + "k".repeat(5_000) + "\": 1}}", "customFields");
        refused(id, "{\"customFields\": {\"" + seats + "\": 123456789012345678}}", "customFields." + seats);
        refused(id, "{\"customFields\": {\"" + seats + "\": 0.1234567890123456789}}", "customFields." + seats);
        patch(desk.owner(), "/cases/" + id, "{\"category\": \"" + "c".repeat(70_000) + "\"}").then()
                .statusCode(413).contentType("application/problem+json");

        assertThat(desk.snapshot(id)).isEqualTo(before);
    }

    @Test
    void sqlAndScriptTextIsKeptAsPlainTextOrRefusedWhereATagCannotHoldIt() throws Exception {
        String id = desk.openCase(Desk.newCustomer());
        refused(id, "{\"tags\": [\"" + SQL + "\"]}", "tags[0]");
        refused(id, "{\"tags\": [\"" + SCRIPT + "\"]}", "tags[0]");
        refused(id, "{\"customFields\": {\"" + SQL + "\": 1}}", "customFields");

        patch(desk.owner(), "/cases/" + id, "{\"product\": \"" + SQL + "\", \"category\": \"" + SCRIPT
                + "\", \"customFields\": {\"" + note + "\": \"" + SCRIPT + SQL + "\"}}").then().statusCode(200);

        desk.owner().get("/cases/" + id).then().statusCode(200).body("product", equalTo(SQL))
                .body("category", equalTo(SCRIPT)).body("customFields." + note, equalTo(SCRIPT + SQL));
        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 4, Duration.ofSeconds(60));
            JsonNode changes = json.readTree(records.get(3).value()).get("changes");
            assertThat(changes.findValuesAsText("to")).containsExactly(SQL, SCRIPT, SCRIPT + SQL);
        }
    }

    /** Vietnamese, Greek and Persian desks tag in their own script; case and decomposed accents make no second tag. */
    @Test
    void tagsOfEveryScriptAreKeptOnceEach() {
        String id = desk.openCase(Desk.newCustomer());
        String decomposed = Normalizer.normalize("khẩn cấp", Normalizer.Form.NFD);

        patch(desk.owner(), "/cases/" + id, quotedTags("hóa đơn", "HÓA ĐƠN", "τιμολόγιο", "ΤΙΜΟΛΌΓΙΟ", "صورتحساب",
                decomposed, "khẩn cấp", "۱۴۰۳", "v1.2_beta-fix"))
                .then().statusCode(200)
                .body("tags", contains("hóa đơn", "τιμολόγιο", "صورتحساب", "khẩn cấp", "۱۴۰۳", "v1.2_beta-fix"));

        String before = desk.snapshot(id);
        for (String bad : List.of("🔥", " vip", "-vip", "vip!", "a\u200Bb", "")) {
            patch(desk.owner(), "/cases/" + id, quotedTags(bad)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.find { it.field == 'tags[0]' }.message", equalTo(Tags.MESSAGE));
        }
        assertThat(desk.snapshot(id)).isEqualTo(before);
    }

    private void refused(String caseId, String patch, String field) {
        Desk.patch(desk.owner(), "/cases/" + caseId, patch).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static String quotedTags(String... tags) {
        return "{\"tags\": " + quoted(List.of(tags)) + "}";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList().toString();
    }
}
