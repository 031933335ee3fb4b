package io.caseswarm.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.caseswarm.demo.Api;
import io.caseswarm.testing.TopicReader;

/**
 * P2, how soon a swarm reaches its experts: for each of N swarms, asked one after another, the time
 * from sending {@code POST /swarms} to the first {@code expert-invited} of that swarm arriving at a
 * consumer of {@code expert-events}, and to the first invitation mail for it accepted by SMTP (the
 * suite's {@link SmtpSink}, which notification-service sends to).
 */
final class SwarmInvitationBench implements AutoCloseable {

    static final String OWNER = "ana.lima";
    private static final Pattern SWARM_LINK = Pattern.compile("/swarms/([0-9a-f-]{36})/");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /**
     * The pause before each timed swarm. A swarm sets off more than P2 times (the second invitation, its mails,
     * the Slack messages, the case's view and feed): in all it costs the services about 150 ms of CPU, measured
     * from /proc, much of it after the first mail. P2 times one swarm at a time on a system that has done that
     * work, as Kafka's end-to-end tool it is judged against times one record at a time; how many swarms the
     * system carries at once is P3's figure.
     */
    private static final Duration SETTLE = Duration.ofMillis(300);

    /**
     * The two figures of P2, and where the time to the invitation went: until {@code POST /swarms} answered,
     * and until its {@code swarm-requested} reached a consumer of {@code swarm-events} (swarm-service's hop).
     */
    record Result(LatencySeries toInvitation, LatencySeries toMail, LatencySeries answered, LatencySeries toRequested) {
    }

    private final Map<String, Long> requestedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> invitedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> mailedAt = new ConcurrentHashMap<>();
    private final SmtpSink smtp = new SmtpSink(this::mailAccepted);
    private RunningSystem system;
    private Thread watcher;
    private volatile boolean watching = true;

    /** The settings that send the system's mail to this benchmark's SMTP server. */
    Map<String, String> mailSettings() {
        return Map.of("caseswarm.smtp.host", "127.0.0.1", "caseswarm.smtp.port", String.valueOf(smtp.port()));
    }

    /**
     * Starts watching the system's expert-events and fills its directory with {@code experts} people who
     * know billing and sync and are free all day.
     */
    void attach(RunningSystem running, int experts) {
        this.system = running;
        this.watcher = Thread.ofPlatform().daemon().name("expert-events-watcher").start(this::watchInvitations);
        Api directory = new Api(system.url("expert-finder-service")).as(system.issuer().issue("hr-sync", "integration"));
        register(directory, OWNER, 3);
        for (int i = 0; i < experts; i++) {
            register(directory, "bench-expert-" + i, 10);
        }
    }

    private void mailAccepted(long at, String text) {
        Matcher link = SWARM_LINK.matcher(text);
        if (link.find()) {
            mailedAt.putIfAbsent(link.group(1), at);
        }
    }

    private static void register(Api directory, String id, int capacity) {
        int status = directory.post("/people", Map.of("id", id, "name", "Expert " + id, "email", id + "@example.com",
                "timeZone", "UTC", "workingHours", Map.of("start", "00:00", "end", "23:59"),
                "skills", List.of(Map.of("name", "billing", "level", 4), Map.of("name", "sync", "level", 3)),
                "capacity", capacity, "presence", "available")).status();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("POST /people " + id + " answered " + status);
        }
    }

    /**
     * Opens a case for each swarm, waits until the system has settled, then asks for {@code warmUp} swarms
     * untimed, one after another (the services' first swarms run their code cold), and {@code swarms} timed, each
     * after a pause ({@link #SETTLE}).
     */
    Result run(int warmUp, int swarms) {
        Api cases = new Api(system.url("case-service")).as(system.issuer().issue(OWNER, "agent"));
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < warmUp + swarms; i++) {
            caseIds.add(cases.post("/cases", Map.of("subject", "Invoices fail to sync #" + i,
                    "description", "The nightly invoice sync stops at 40%.",
                    "customer", Map.of("id", "cust-p2-" + i, "name", "Customer " + i, "email", "p2-" + i + "@example.com"),
                    "channel", "api", "product", "Billing Cloud", "priority", "high", "ownerId", OWNER))
                    .expect(201).get("id").asText());
        }
        // What opening the cases sets off downstream (acknowledgements, suggestions, the experts' case lists) is
        // not what P2 times: the swarms are asked for once the consumers have caught up.
        try (ConsumerLag lag = new ConsumerLag(system.bootstrapServers())) {
            lag.awaitCaughtUp(PATIENCE);
        }
        Api swarmService = new Api(system.url("swarm-service")).as(system.issuer().issue(OWNER, "agent"));
        Result result = new Result(new LatencySeries("P2 POST /swarms → first expert-invited consumed"),
                new LatencySeries("P2 POST /swarms → first invitation mail accepted by SMTP"),
                new LatencySeries("P2 POST /swarms answered"), new LatencySeries("P2 POST /swarms → swarm-requested consumed"));
        Result untimed = new Result(new LatencySeries("warm-up"), new LatencySeries("warm-up"), new LatencySeries("warm-up"),
                new LatencySeries("warm-up"));
        for (int i = 0; i < caseIds.size(); i++) {
            boolean timed = i >= warmUp;
            if (timed) {
                pause(SETTLE.toMillis());
            }
            swarmOn(swarmService, caseIds.get(i), timed ? result : untimed);
        }
        return result;
    }

    /** Asks for a swarm on the case and times it until its first invitation mail is accepted. */
    private void swarmOn(Api swarmService, String caseId, Result into) {
        Map<String, Object> request = Map.of("caseId", caseId, "question", "Why does the nightly sync stop at 40%?",
                "skills", List.of("billing", "sync"), "teamSize", 2);
        long sent = System.nanoTime();
        Api.Response asked = swarmService.post("/swarms", request);
        for (long giveUp = sent + PATIENCE.toNanos(); asked.status() != 201 && System.nanoTime() < giveUp;) {
            // swarm-service has not seen this case-opened yet: a refused request changes nothing, so ask again
            pause(50);
            sent = System.nanoTime();
            asked = swarmService.post("/swarms", request);
        }
        into.answered().recordNanos(System.nanoTime() - sent);
        String swarmId = asked.expect(201).get("id").asText();
        into.toRequested().recordNanos(awaitInstant(requestedAt, swarmId, "swarm-requested") - sent);
        into.toInvitation().recordNanos(awaitInstant(invitedAt, swarmId, "an expert-invited") - sent);
        into.toMail().recordNanos(awaitInstant(mailedAt, swarmId, "an invitation mail") - sent);
    }

    private static long awaitInstant(Map<String, Long> instants, String swarmId, String what) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        for (Long at = instants.get(swarmId); ; at = instants.get(swarmId)) {
            if (at != null) {
                return at;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("No " + what + " for swarm " + swarmId + " within " + PATIENCE);
            }
            pause(1);
        }
    }

    /**
     * Reads swarm-events and expert-events from their ends as they grow, noting when each swarm's request and
     * its first invitation arrive.
     */
    private void watchInvitations() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = java.util.stream.Stream.of("swarm-events", "expert-events")
                    .flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (watching) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long at = System.nanoTime();
                    switch (String.valueOf(TopicReader.header(record, "ce_type"))) {
                        case "swarm-requested" -> requestedAt.putIfAbsent(record.key(), at);
                        case "expert-invited" -> invitedAt.putIfAbsent(record.key(), at);
                        default -> {
                            // other events of the swarms and experts say nothing about P2
                        }
                    }
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        watching = false;
        smtp.close();
        if (watcher != null) {
            try {
                watcher.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
