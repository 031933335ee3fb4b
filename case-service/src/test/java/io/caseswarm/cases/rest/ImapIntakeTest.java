package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TcpProxy;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The support mailbox read over IMAP from a real mail server: a mail sent to the support address by SMTP
 * becomes a case, and is flagged seen only once its case is committed, so no crash or outage loses one.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = @ResourceArg(name = "database-proxy", value = "true"))
@WithTestResource(value = SupportMailbox.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ImapIntakeTest extends DeskTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    MailServer mail;
    TcpProxy database;

    @Test
    void aMailSentToTheSupportAddressBecomesACaseAndIsFlaggedSeenAfterwards() {
        String sender = TestMail.newSender();
        TestMail sent = TestMail.from(sender).subject("Ο συγχρονισμός τιμολογίων αποτυγχάνει")
                .header("Subject", "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(
                        "Ο συγχρονισμός τιμολογίων αποτυγχάνει".getBytes(UTF_8)) + "?=")
                .body("Καλημέρα,\nο συγχρονισμός αποτυγχάνει από το πρωί.\n");
        mail.deliver(sender, SupportMailbox.ADDRESS, sent.bytes());

        Taken taken = awaitTaken(sender);
        assertThat(taken.outcome()).isEqualTo("opened");
        desk.owner().get("/cases/" + taken.caseId()).then().statusCode(200)
                .body("subject", equalTo("Ο συγχρονισμός τιμολογίων αποτυγχάνει"))
                .body("channel", equalTo("email")).body("customer.email", equalTo(sender));
        await().atMost(PATIENCE).until(() -> MailboxFlags.unseen(mail.imapPort()) == 0);
    }

    @Test
    void aMailThatArrivesWhileTheDatabaseIsAwayStaysUnseenAndLandsOnceWhenItIsBack() {
        await().atMost(PATIENCE).until(() -> MailboxFlags.unseen(mail.imapPort()) == 0);
        String sender = TestMail.newSender();
        database.cut();
        try {
            mail.deliver(sender, SupportMailbox.ADDRESS, TestMail.from(sender).subject("Sent during an outage").bytes());
            // The reader looks every two seconds; several of its tries fail meanwhile.
            await().pollDelay(Duration.ofSeconds(8)).atMost(PATIENCE)
                    .until(() -> MailboxFlags.unseen(mail.imapPort()) == 1);
        } finally {
            database.restore();
        }
        Taken taken = awaitTaken(sender);
        assertThat(taken.outcome()).isEqualTo("opened");
        await().atMost(PATIENCE).until(() -> MailboxFlags.unseen(mail.imapPort()) == 0);
        assertThat(log(sender).getList("items")).hasSize(1);
        desk.owner().get("/cases?customer=" + customerOf(taken.caseId())).then()
                .body("items.size()", equalTo(1));
    }

    /** What intake made of the sender's mail, once it has taken it in. */
    @Test
    void aMailboxWithADoneFolderMovesEachMailThereOnceItsCaseIsCommittedAndGivesTheCaseItsProduct() {
        String sender = TestMail.newSender();
        mail.deliver(sender, SupportMailbox.SALES, TestMail.from(sender).header("To", SupportMailbox.SALES)
                .subject("Quote for 40 seats").bytes());

        Taken taken = awaitTaken(sender);
        assertThat(taken.outcome()).isEqualTo("opened");
        desk.owner().get("/cases/" + taken.caseId()).then().body("product", equalTo("Sales Cloud"));
        await().atMost(PATIENCE).until(() -> MailboxFlags.all(mail.imapPort(), SupportMailbox.SALES, "INBOX") == 0);
        assertThat(MailboxFlags.all(mail.imapPort(), SupportMailbox.SALES, SupportMailbox.DONE_FOLDER)).isEqualTo(1);
        assertThat(log(sender).getString("items[0].mailbox")).isEqualTo(SupportMailbox.SALES);
    }

    private Taken awaitTaken(String sender) {
        await().atMost(PATIENCE).until(() -> !log(sender).getList("items").isEmpty());
        JsonPath entry = log(sender);
        return new Taken(entry.getString("items[0].outcome"), entry.getString("items[0].caseId"));
    }

    private record Taken(String outcome, String caseId) {
    }

    private JsonPath log(String sender) {
        return desk.admin().queryParam("sender", sender).get("/inbound/mail").then().statusCode(200).extract().jsonPath();
    }

    private String customerOf(String caseId) {
        return desk.owner().get("/cases/" + caseId).then().extract().path("customer.id");
    }

}
