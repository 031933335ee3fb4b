package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URLDecoder;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Files on a case: uploaded with a message, read by whoever reads that message, byte for byte. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseAttachmentsTest extends DeskTest {

    private static final String INVOICE = "Hóa đơn tháng 3.pdf";
    private static final String SCREENSHOT = "Στιγμιότυπο οθόνης.png";

    @Test
    void theCustomerDownloadsTheFilesOfAPublicMessageByteForByteUnderTheirNames() throws Exception {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        byte[] invoice = SampleFiles.pdf("Invoice 2026-03");
        byte[] screenshot = SampleFiles.png();

        JsonPath message = MultipartUpload.visibility("public").field("body", "Here is the corrected invoice")
                .file(INVOICE, "application/pdf", invoice)
                .fileNamedInFilenameStar(SCREENSHOT, "image/png", screenshot)
                .postTo(desk.owner(), id).then().statusCode(201)
                .body("visibility", equalTo("public")).body("body", equalTo("Here is the corrected invoice"))
                .body("attachments.name", contains(INVOICE, SCREENSHOT))
                .body("attachments.contentType", contains("application/pdf", "image/png"))
                .body("attachments.size", contains(invoice.length, screenshot.length))
                .body("attachments.sha256", contains(SampleFiles.sha256(invoice), SampleFiles.sha256(screenshot)))
                .extract().jsonPath();

        RequestSpecification theCustomer = desk.as(customer, "customer");
        theCustomer.get("/cases/" + id + "/messages").then().statusCode(200)
                .body("items[0].attachments.name", contains(INVOICE, SCREENSHOT));
        assertDownload(theCustomer, id, message.getString("attachments[0].attachmentId"), invoice, "application/pdf", INVOICE);
        assertDownload(theCustomer, id, message.getString("attachments[1].attachmentId"), screenshot, "image/png", SCREENSHOT);
        theCustomer.header("If-None-Match", "\"" + SampleFiles.sha256(invoice) + "\"")
                .get("/cases/" + id + "/attachments/" + message.getString("attachments[0].attachmentId"))
                .then().statusCode(304);
    }

    @Test
    void theCaseMessageAddedEventDescribesTheFilesAndCarriesNoneOfTheirBytes() throws Exception {
        String id = desk.openCase(Desk.newCustomer());
        byte[] log = SampleFiles.text("2026-03-01 sync stopped at 40%\n".repeat(50));
        String attachmentId = MultipartUpload.visibility("internal").file("sync.log", "text/plain", log)
                .postTo(desk.owner(), id).then().statusCode(201)
                .body("body", equalTo("Attached: sync.log")).extract().path("attachments[0].attachmentId");

        try (TopicReader reader = new TopicReader(bootstrapServers, "case-events")) {
            List<ConsumerRecord<String, String>> records = reader.readForKey(id, 4, Duration.ofSeconds(60));
            assertThat(TopicReader.header(records.get(3), "ce_type")).isEqualTo("case-message-added");
            JsonNode attachment = json.readTree(records.get(3).value()).get("attachments").get(0);
            assertThat(json.convertValue(attachment, Map.class)).containsOnlyKeys("attachmentId", "name", "size",
                    "contentType", "sha256");
            assertThat(attachment.get("attachmentId").asText()).isEqualTo(attachmentId);
            assertThat(attachment.get("sha256").asText()).isEqualTo(SampleFiles.sha256(log));
            assertThat(attachment.get("contentType").asText()).isEqualTo("text/plain");
            assertThat(attachment.get("size").asLong()).isEqualTo(log.length);
            assertThat(records.get(2).value()).hasSizeLessThan(log.length).doesNotContain("sync stopped");
        }
    }

    @Test
    void anInternalFileIsReadByStaffAndNotFoundByTheCustomer() throws Exception {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        byte[] notes = SampleFiles.pdf("Escalation notes");
        String attachmentId = MultipartUpload.visibility("internal").field("body", "Token rotation notes")
                .file("notes.pdf", "application/pdf", notes)
                .postTo(desk.owner(), id).then().statusCode(201).extract().path("attachments[0].attachmentId");

        assertDownload(desk.lead(), id, attachmentId, notes, "application/pdf", "notes.pdf");
        RequestSpecification theCustomer = desk.as(customer, "customer");
        theCustomer.get("/cases/" + id + "/messages").then().statusCode(200).body("items", empty());
        theCustomer.get("/cases/" + id + "/history").then().statusCode(200)
                .body("type", not(org.hamcrest.Matchers.hasItem("case-message-added")));
        theCustomer.get("/cases/" + id + "/attachments/" + attachmentId).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherCustomerAndAStrangerToTheSwarmFindNoCaseAndNoFile() {
        String id = desk.openCase(Desk.newCustomer());
        String attachmentId = MultipartUpload.visibility("public").file("a.pdf", "application/pdf", SampleFiles.pdf("a"))
                .postTo(desk.owner(), id).then().statusCode(201).extract().path("attachments[0].attachmentId");

        desk.as("cust-mallory", "customer").get("/cases/" + id + "/attachments/" + attachmentId).then().statusCode(404);
        desk.as("raj.patel", "expert").get("/cases/" + id + "/attachments/" + attachmentId).then().statusCode(404);
        MultipartUpload.visibility("public").file("b.pdf", "application/pdf", SampleFiles.pdf("b"))
                .postTo(desk.as("cust-mallory", "customer"), id).then().statusCode(404);
        // An attachment of another case is not found through this one.
        String other = desk.openCase(Desk.newCustomer());
        desk.owner().get("/cases/" + other + "/attachments/" + attachmentId).then().statusCode(404);
        desk.owner().get("/cases/" + id + "/messages").then().body("items.size()", equalTo(1));
    }

    @Test
    void theCustomerUploadsOnTheirOwnCaseAndTheirFileReachesTheOwner() throws Exception {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        byte[] export = SampleFiles.text("date;amount\n2026-03-01;120,50\n");

        String attachmentId = MultipartUpload.visibility("public").file("export.csv", "text/csv", export)
                .postTo(desk.as(customer, "customer"), id).then().statusCode(201)
                .body("authorRole", equalTo("customer")).body("attachments[0].contentType", equalTo("text/csv"))
                .extract().path("attachments[0].attachmentId");

        assertDownload(desk.owner(), id, attachmentId, export, "text/csv; charset=UTF-8", "export.csv");
    }

    @Test
    void namesArePathsNoMoreAndKeepEveryScript() {
        String id = desk.openCase(Desk.newCustomer());
        byte[] text = SampleFiles.text("plain words\n");

        MultipartUpload.visibility("internal")
                .file("../../etc/passwd", "text/plain", text)
                .file("C:\\Users\\ada\\Desktop\\report.txt", "text/plain", text)
                .file("invoice\u202Etxt.exe", "text/plain", text)
                .file("a\u0007b:c?.txt", "text/plain", text)
                .file("Smith, John; v=2.txt", "text/plain", text)
                .file("..", "text/plain", text)
                .file("صورتحساب.txt", "text/plain", text)
                .file("x".repeat(300) + ".txt", "text/plain", text)
                .postTo(desk.owner(), id).then().statusCode(201)
                .body("attachments.name", contains("passwd", "report.txt", "invoicetxt.exe", "ab_c_.txt", "Smith, John; v=2.txt", "attachment",
                        "صورتحساب.txt", "x".repeat(196) + ".txt"));
    }

    @Test
    void rebuildingTheViewKeepsTheFilesListedAndReadable() throws Exception {
        String id = desk.openCase(Desk.newCustomer());
        byte[] invoice = SampleFiles.pdf("Invoice");
        String attachmentId = MultipartUpload.visibility("public").file(INVOICE, "application/pdf", invoice)
                .postTo(desk.owner(), id).then().statusCode(201).extract().path("attachments[0].attachmentId");
        String before = desk.owner().get("/cases/" + id + "/messages").asString();

        desk.admin().post("/admin/projections/case-view/rebuild").then().statusCode(200);

        assertThat(desk.owner().get("/cases/" + id + "/messages").asString()).isEqualTo(before);
        assertDownload(desk.owner(), id, attachmentId, invoice, "application/pdf", INVOICE);
    }

    private static void assertDownload(RequestSpecification caller, String caseId, String attachmentId, byte[] content,
            String contentType, String name) throws Exception {
        Response download = caller.get("/cases/" + caseId + "/attachments/" + attachmentId);
        download.then().statusCode(200).contentType(contentType)
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", "\"" + SampleFiles.sha256(content) + "\"");
        assertThat(download.asByteArray()).isEqualTo(content);
        assertThat(fileNameOf(download.header("Content-Disposition"))).isEqualTo(name);
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
    }

    /** The name in {@code filename*=UTF-8''…} (RFC 8187), which carries any script. */
    private static String fileNameOf(String contentDisposition) {
        String encoded = contentDisposition.substring(contentDisposition.indexOf("filename*=UTF-8''") + 17);
        return URLDecoder.decode(encoded.replace("+", "%2B"), UTF_8);
    }
}
