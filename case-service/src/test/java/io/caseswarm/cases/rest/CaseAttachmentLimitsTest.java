package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * What a case does not take: files of types it does not allow or over its limits, malformed and hostile
 * forms. Each is refused with a problem naming the part, and leaves nothing behind: no event, no bytes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseAttachmentLimitsTest extends DeskTest {

    private static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    TestDatabase database;

    @Test
    void aFileWhoseBytesAreOfNoAllowedTypeIsRefusedWhateverItsNameAndNothingIsKept() throws Exception {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        Stored before = stored();

        refusedType(MultipartUpload.visibility("public").file("x.pdf", "application/pdf", SampleFiles.executable())
                .postTo(desk.owner(), id), "file[0]", "application/octet-stream");
        refusedType(MultipartUpload.visibility("public").file("x.pdf", "application/pdf", SampleFiles.html())
                .postTo(desk.as(customer, "customer"), id), "file[0]", "text/html");
        refusedType(MultipartUpload.visibility("public").file("ok.pdf", "application/pdf", SampleFiles.pdf("ok"))
                .file("setup.png", "image/png", SampleFiles.executable()).postTo(desk.owner(), id), "file[1]",
                "application/octet-stream");

        assertThat(stored()).isEqualTo(before);
        desk.as(customer, "customer").get("/cases/" + id + "/messages").then().body("items.size()", equalTo(0));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWhileItArrivesAndNothingIsKept() throws Exception {
        String id = desk.openCase(Desk.newCustomer());
        Stored before = stored();

        MultipartUpload.visibility("internal").file("ok.txt", "text/plain", SampleFiles.text("fine"))
                .file("huge.txt", "text/plain", filled(MAX_FILE_BYTES + 1)).postTo(desk.owner(), id)
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors.field", contains("file[1]")).body("errors[0].message", containsString("huge.txt"));
        assertThat(stored()).isEqualTo(before);

        MultipartUpload.visibility("internal").file("just-fits.txt", "text/plain", filled(MAX_FILE_BYTES))
                .postTo(desk.owner(), id).then().statusCode(201).body("attachments[0].size", equalTo(MAX_FILE_BYTES));
    }

    @Test
    void aBodyLargerThanItsRouteTakesIsRefusedBeforeItIsRead() throws Exception {
        String id = desk.openCase(Desk.newCustomer());
        Stored before = stored();
        String token = issuer.issue("ana.lima", "agent");

        // An upload route takes every file a case may hold, and no more: the declared length alone is refused.
        String answer = exchange("POST /cases/" + id + "/attachments HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: " + MultipartUpload.contentType() + "\r\n"
                + "Content-Length: 300000000\r\n\r\n", new byte[0]);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("body-too-large");

        // Every other route keeps to small JSON documents, whether the body declares its length or not.
        byte[] json = ("{\"subject\": \"x\", \"description\": \"" + "y".repeat(100_000) + "\"}").getBytes(UTF_8);
        answer = exchange("POST /cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunked(json));
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aCaseHoldsAtMostTwentyFilesAndAMessageThatWouldPassThatIsRefusedWhole() throws Exception {
        String id = desk.openCase(Desk.newCustomer());
        upload(id, 19).then().statusCode(201);
        Stored before = stored();

        upload(id, 2).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("19 of the 20 files"));
        upload(id, 21).then().statusCode(409);
        assertThat(stored()).isEqualTo(before);

        upload(id, 1).then().statusCode(201);
        upload(id, 1).then().statusCode(409);
        desk.owner().get("/cases/" + id + "/messages").then().body("items.size()", equalTo(2));
    }

    @Test
    void malformedAndHostileFormsAreRefusedByPartAndChangeNothing() throws Exception {
        String customer = Desk.newCustomer();
        String id = desk.openCase(customer);
        byte[] pdf = SampleFiles.pdf("x");
        Stored before = stored();

        refused(new MultipartUpload().file("a.pdf", "application/pdf", pdf).postTo(desk.owner(), id), 400, "visibility");
        refused(MultipartUpload.visibility("secret").file("a.pdf", "application/pdf", pdf).postTo(desk.owner(), id),
                400, "visibility");
        refused(MultipartUpload.visibility("public").field("body", "no file").postTo(desk.owner(), id), 400, "file");
        refused(MultipartUpload.visibility("public").field("isAdmin", "true").file("a.pdf", "application/pdf", pdf)
                .postTo(desk.owner(), id), 400, "isAdmin");
        refused(MultipartUpload.visibility("public").part("form-data; name=\"file\"", "application/pdf", pdf)
                .postTo(desk.owner(), id), 400, "file");
        refused(MultipartUpload.visibility("public").field("visibility", "internal").file("a.pdf", "application/pdf", pdf)
                .postTo(desk.owner(), id), 400, "visibility");
        refused(MultipartUpload.visibility("public").field("body", "x".repeat(20_001))
                .file("a.pdf", "application/pdf", pdf).postTo(desk.owner(), id), 400, "body");
        refused(MultipartUpload.visibility("internal").file("a.pdf", "application/pdf", pdf)
                .postTo(desk.as(customer, "customer"), id), 403, "visibility");
        MultipartUpload.visibility("internal").file("a.pdf", "application/pdf", pdf)
                .postTo(desk.as("raj.patel", "expert"), id).then().statusCode(403);

        desk.owner().contentType("application/json").body("{\"visibility\": \"public\"}")
                .post("/cases/" + id + "/attachments").then().statusCode(415).contentType("application/problem+json");
        desk.owner().contentType("multipart/form-data").body(MultipartUpload.visibility("public").bytes())
                .post("/cases/" + id + "/attachments").then().statusCode(400).contentType("application/problem+json");
        byte[] complete = MultipartUpload.visibility("public").file("a.pdf", "application/pdf", pdf).bytes();
        desk.owner().contentType(MultipartUpload.contentType()).body(Arrays.copyOf(complete, complete.length - 40))
                .post("/cases/" + id + "/attachments").then().statusCode(400).contentType("application/problem+json");
        assertThat(stored()).isEqualTo(before);

        Desk.post(desk.lead(), "/cases/" + id + "/status", "{\"status\": \"closed\"}").then().statusCode(200);
        Stored closed = stored();
        MultipartUpload.visibility("internal").file("late.pdf", "application/pdf", pdf).postTo(desk.owner(), id)
                .then().statusCode(409).body("detail", containsString("closed"));
        assertThat(stored()).isEqualTo(closed);
    }

    private static void refusedType(Response response, String part, String detected) {
        refused(response, 415, part);
        response.then().body("errors[0].message", containsString(detected));
    }

    private static void refused(Response response, int status, String part) {
        response.then().statusCode(status).contentType("application/problem+json").body("errors.field", contains(part));
    }

    private Response upload(String caseId, int files) {
        MultipartUpload upload = MultipartUpload.visibility("internal");
        for (int i = 1; i <= files; i++) {
            upload.file("log-" + i + ".txt", "text/plain", SampleFiles.text("line " + i + "\n"));
        }
        return upload.postTo(desk.owner(), caseId);
    }

    private static byte[] filled(int size) {
        byte[] text = new byte[size];
        Arrays.fill(text, (byte) 'a');
        return text;
    }

    /** The body in chunks without a declared length, as a client streaming it sends it. */
    private static byte[] chunked(byte[] body) {
        StringBuilder chunks = new StringBuilder();
        for (int i = 0; i < body.length; i += 8192) {
            int size = Math.min(8192, body.length - i);
            chunks.append(Integer.toHexString(size)).append("\r\n").append(new String(body, i, size, ISO_8859_1))
                    .append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString().getBytes(ISO_8859_1);
    }

    /** A request written as it goes over the wire, and the answer as it comes back. */
    private static String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before taking all of it: the answer is what counts
            }
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[4096];
            int read = in.read(answer);
            return read < 0 ? "" : new String(answer, 0, read, ISO_8859_1);
        }
    }

    /** What a refusal must leave as it was: the events and the kept bytes. */
    private record Stored(long events, long attachments) {
    }

    private Stored stored() throws Exception {
        return new Stored(count("events"), count("case_attachment"));
    }

    private long count(String table) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
