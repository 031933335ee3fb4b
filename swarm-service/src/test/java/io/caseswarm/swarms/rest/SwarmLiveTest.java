package io.caseswarm.swarms.rest;

import static io.caseswarm.swarms.rest.SwarmFixture.MEI;
import static io.caseswarm.swarms.rest.SwarmFixture.OWNER;
import static io.caseswarm.swarms.rest.SwarmFixture.RAJ;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.testing.EventSender;
import io.caseswarm.testing.PrometheusText;
import io.caseswarm.testing.RealInfrastructure;
import io.caseswarm.testing.TestDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The swarm's room and a person's inbox, live, as a real SSE client reads them: events arrive as they are
 * appended (by a request, or by a consumer thread in a transaction of its own), and a client that
 * reconnects with the last id it had gets exactly what it missed, then the live events, nothing twice.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SwarmLiveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    EventSender events;
    LocalIssuer issuer;
    TestDatabase database;

    private SwarmFixture world;
    private String caseId;
    private String swarmId;

    @BeforeEach
    void aSwarmWithRajIn() {
        world = new SwarmFixture(events, issuer, database);
        caseId = world.knownCase(OWNER);
        swarmId = world.swarmOn(caseId);
        world.invite(swarmId, caseId, RAJ);
        world.expert(RAJ).post(path("members/" + RAJ + "/join")).then().statusCode(200);
    }

    @Test
    void theRoomShowsItsHistoryThenLivePostsAndAReconnectGetsExactlyWhatItMissed() {
        long lastSeen;
        try (SseClient room = SseClient.open(path("stream"), token(OWNER, Roles.AGENT), Map.of())) {
            assertThat(room.contentType()).startsWith("text/event-stream");
            room.awaitSubscribed();
            List<SseClient.Event> history = room.next(3, PATIENCE);
            assertThat(history).extracting(SseClient.Event::type)
                    .containsExactly("swarm-requested", "swarm-member-invited", "swarm-member-joined");
            assertThat(history).extracting(SseClient.Event::id).containsExactly(1L, 2L, 3L);

            post(RAJ, "The token expired");
            SseClient.Event live = room.next(PATIENCE);
            assertThat(live.id()).isEqualTo(4);
            assertThat(live.type()).isEqualTo("swarm-post-added");
            assertThat(live.data()).contains("\"text\":\"The token expired\"").contains("\"authorId\":\"raj.patel\"");
            lastSeen = live.id();
        }

        // Missed while away: two posts.
        post(OWNER, "Which token?");
        post(RAJ, "The sync's OAuth token");
        try (SseClient again = SseClient.open(path("stream"), token(OWNER, Roles.AGENT),
                Map.of("Last-Event-ID", Long.toString(lastSeen)))) {
            again.awaitSubscribed();
            List<SseClient.Event> missed = again.next(2, PATIENCE);
            assertThat(missed).extracting(SseClient.Event::id).containsExactly(5L, 6L);
            assertThat(missed.get(0).data()).contains("Which token?");
            assertThat(missed.get(1).data()).contains("OAuth token");

            post(OWNER, "Renewed it, thanks");
            SseClient.Event next = again.next(PATIENCE);
            assertThat(next.id()).as("live after the replay, nothing twice").isEqualTo(7);
            assertThat(next.data()).contains("Renewed it");
        }

        // A client that cannot set headers resumes by the query parameter.
        try (SseClient byParameter = SseClient.open(path("stream?lastEventId=6"), token(RAJ, Roles.EXPERT), Map.of())) {
            byParameter.awaitSubscribed();
            assertThat(byParameter.next(PATIENCE).id()).isEqualTo(7);
        }
    }

    @Test
    void anEventAppendedByAConsumerThreadInItsOwnTransactionReachesTheRoom() {
        double connected;
        try (SseClient room = SseClient.open(path("stream?lastEventId=3"), token(RAJ, Roles.EXPERT), Map.of())) {
            room.awaitSubscribed();
            connected = liveClients();
            assertThat(connected).as("caseswarm_live_clients counts the room's client").isGreaterThanOrEqualTo(1);
            // The expert finder's invitation, consumed from Kafka and appended by the consumer's thread.
            events.send("expert-events", swarmId, "expert-invited",
                    "{\"swarmId\":\"%s\",\"caseId\":\"%s\",\"personId\":\"%s\",\"email\":\"mei@example.com\"}"
                            .formatted(swarmId, caseId, MEI));
            SseClient.Event invited = room.next(PATIENCE);
            assertThat(invited.id()).isEqualTo(4);
            assertThat(invited.type()).isEqualTo("swarm-member-invited");
            assertThat(invited.data()).contains("\"personId\":\"mei.chen\"");
            // Quiet now: the heartbeat keeps the connection open (every 2 s in the tests).
            assertThat(room.nextComment(PATIENCE)).isIn(": heartbeat", ":heartbeat");
        }
        // Gone: noticed at the latest when the next heartbeat cannot be written.
        await().atMost(PATIENCE).until(() -> liveClients() < connected);
    }

    @Test
    void theInboxGetsAnInvitationAMentionAndActivityInTheSwarmsOfItsOwnerOnly() {
        try (SseClient meiInbox = SseClient.open("/inbox/stream", token(MEI, Roles.EXPERT), Map.of());
                SseClient rajInbox = SseClient.open("/inbox/stream", token(RAJ, Roles.EXPERT), Map.of())) {
            meiInbox.awaitSubscribed();
            rajInbox.awaitSubscribed();

            world.invite(swarmId, caseId, MEI);
            SseClient.Event invitation = meiInbox.next(PATIENCE);
            assertThat(invitation.type()).isEqualTo("swarm-member-invited");
            assertThat(invitation.data()).contains("\"personId\":\"mei.chen\"").contains(swarmId);
            assertThat(rajInbox.next(PATIENCE).type()).as("activity in Raj's swarm").isEqualTo("swarm-member-invited");

            post(RAJ, "@mei.chen could you look at the sync log?");
            SseClient.Event mention = meiInbox.next(PATIENCE);
            assertThat(mention.type()).isEqualTo("swarm-post-added");
            assertThat(mention.data()).contains("\"mentions\":[\"mei.chen\"]");
            assertThat(mention.id()).isGreaterThan(invitation.id());
            long missedFrom = mention.id();

            meiInbox.close();
            post(OWNER, "Meanwhile: restarted the sync");
            world.expert(MEI).post(path("members/" + MEI + "/decline")).then().statusCode(200);
            try (SseClient again = SseClient.open("/inbox/stream", token(MEI, Roles.EXPERT),
                    Map.of("Last-Event-ID", Long.toString(missedFrom)))) {
                again.awaitSubscribed();
                List<SseClient.Event> missed = again.next(2, PATIENCE);
                assertThat(missed).extracting(SseClient.Event::type)
                        .containsExactly("swarm-post-added", "swarm-member-declined");
                assertThat(missed.get(0).data()).contains("restarted the sync");
                // Mei declined: the swarm's activity is no longer hers, Raj's still.
                post(RAJ, "Still on it");
                assertThat(rajInbox.next(4, PATIENCE)).extracting(SseClient.Event::type).containsExactly(
                        "swarm-post-added", "swarm-post-added", "swarm-member-declined", "swarm-post-added");
                world.invite(swarmId, caseId, "kim.berg");
                world.expert(RAJ).post(path("members/" + RAJ + "/leave")).then().statusCode(200);
                assertThat(rajInbox.next(2, PATIENCE)).extracting(SseClient.Event::type)
                        .containsExactly("swarm-member-invited", "swarm-member-left");
                post(OWNER, "@mei.chen is not in it any more: plain text");

                String otherCase = world.knownCase(OWNER);
                String otherSwarm = world.swarmOn(otherCase);
                world.invite(otherSwarm, otherCase, MEI);
                SseClient.Event next = again.next(PATIENCE);
                assertThat(next.type()).as("nothing of the swarm Mei declined, not even a mention, came before")
                        .isEqualTo("swarm-member-invited");
                assertThat(next.data()).contains(otherSwarm);
            }
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedWithoutHoldingUpTheOthersAndResumesWhereItWas() throws Exception {
        String text = "x".repeat(3_900);
        int posts = 150;
        double droppedBefore = droppedClients();
        try (SseClient reader = SseClient.open(path("stream?lastEventId=3"), token(OWNER, Roles.AGENT), Map.of());
                Socket stalled = new Socket()) {
            reader.awaitSubscribed();
            // A client that asks for the room and then reads nothing: a tiny receive window fills at once.
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", RestAssured.port));
            stalled.getOutputStream().write(("GET " + path("stream?lastEventId=3") + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + token(OWNER, Roles.AGENT) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();

            for (int i = 0; i < posts; i++) {
                post(RAJ, i + " " + text);
            }

            assertThat(reader.next(posts, PATIENCE)).as("the reading client gets every post, in order")
                    .extracting(SseClient.Event::id).containsExactlyElementsOf(LongStream.rangeClosed(4, 3 + posts).boxed().toList());
            await().atMost(PATIENCE).until(() -> droppedClients() > droppedBefore);

            // Read late: what the server had written before it ended the response (chunked: a last, empty chunk).
            stalled.setSoTimeout((int) PATIENCE.toMillis());
            String received = untilResponseEnds(stalled.getInputStream());
            long lastId = received.lines().filter(line -> line.startsWith("id:"))
                    .mapToLong(line -> Long.parseLong(line.substring(3).strip())).max().orElse(3);
            assertThat(lastId).as("dropped before it had everything").isLessThan(3 + posts);

            try (SseClient resumed = SseClient.open(path("stream"), token(OWNER, Roles.AGENT),
                    Map.of("Last-Event-ID", Long.toString(lastId)))) {
                resumed.awaitSubscribed();
                assertThat(resumed.next((int) (3 + posts - lastId), PATIENCE)).extracting(SseClient.Event::id)
                        .containsExactlyElementsOf(LongStream.rangeClosed(lastId + 1, 3 + posts).boxed().toList());
            }
        }
    }

    private static String untilResponseEnds(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int read;
        while (!received.toString(StandardCharsets.UTF_8).endsWith("\r\n0\r\n\r\n") && (read = in.read(chunk)) >= 0) {
            received.write(chunk, 0, read);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static double droppedClients() {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "caseswarm_live_dropped_total", "stream=\"swarm\"");
    }

    private static double liveClients() {
        return PrometheusText.sum(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "caseswarm_live_clients", "stream=\"swarm\"");
    }

    private void post(String author, String text) {
        (author.equals(OWNER) ? world.owner() : world.expert(author)).body(Map.of("text", text)).post(path("posts"))
                .then().statusCode(201);
    }

    private String token(String personId, String... roles) {
        return issuer.issue(personId, roles);
    }

    private String path(String rest) {
        return "/swarms/" + swarmId + "/" + rest;
    }
}
