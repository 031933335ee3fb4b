package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

import io.caseswarm.testing.TestDatabase;

/**
 * What P2's path costs with no service on it: the guarantees alone. A swarm's first invitation crosses two
 * services, and each hop is a durable transaction that appends an event and sends the relay's NOTIFY, a relay
 * woken by it that publishes with {@code acks=all} and marks the event published, and Kafka to the next
 * consumer. Here plain JDBC and Kafka clients do exactly that, on the same PostgreSQL and broker as the system:
 * a transaction in one database; its relay; a consumer that records the event in a second database's inbox and
 * appends the next event in the same transaction; that database's relay; a consumer at the end. Each chain is
 * timed from the first transaction's start to the end consumer, one at a time, as P2 times its swarms. No HTTP,
 * no ORM, no JSON beyond the payload's text: whatever P2 takes beyond this is the services' own work.
 */
final class OutboxChainBaseline implements AutoCloseable {

    static final String NAME = "P2's path with no service on it: two outbox hops (JDBC + relay + Kafka)";
    /**
     * Between two chains, as P2 pauses between swarms; a chain sets nothing else off, so a short one will do. It
     * keeps each chain apart from the last, the way Kafka's end-to-end tool times one record at a time.
     */
    static final Duration PAUSE = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PAYLOAD = "{\"swarmId\":\"%s\",\"question\":\"Why does the nightly sync stop at 40%%?\"}";

    private final String bootstrapServers;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final TestDatabase first;
    private final TestDatabase second;
    private final String firstTopic;
    private final String lastTopic;

    OutboxChainBaseline(Path root, String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.first = TestDatabase.create("caseswarm_bench_chain_first");
        this.second = TestDatabase.create("caseswarm_bench_chain_second");
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.firstTopic = "bench-chain-first-" + run;
        this.lastTopic = "bench-chain-last-" + run;
        createSchema(root, first);
        createSchema(root, second);
        createTopics(firstTopic, lastTopic);
        threads.add(Thread.ofPlatform().daemon().name("chain-relay-first").start(() -> relay(first, firstTopic)));
        threads.add(Thread.ofPlatform().daemon().name("chain-relay-second").start(() -> relay(second, lastTopic)));
        threads.add(Thread.ofPlatform().daemon().name("chain-hop").start(this::hop));
        threads.add(Thread.ofPlatform().daemon().name("chain-end").start(this::end));
    }

    /** {@code warmUp} chains untimed, then {@code chains} timed, each after {@code pause}. */
    LatencySeries run(int warmUp, int chains, Duration pause) {
        LatencySeries latency = new LatencySeries(NAME);
        try (Connection connection = first.connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < warmUp + chains; i++) {
                sleep(pause.toMillis());
                String key = UUID.randomUUID().toString();
                long started = System.nanoTime();
                append(connection, key);
                long at = awaitArrival(key);
                if (i >= warmUp) {
                    latency.recordNanos(at - started);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The outbox chain could not append", e);
        }
        return latency;
    }

    /** The transaction of a hop: append the event, NOTIFY the relay, commit (durably, as the services do). */
    private static void append(Connection connection, String key) throws SQLException {
        try (PreparedStatement event = connection.prepareStatement("insert into events (event_id, stream_type, stream_id,"
                + " version, event_type, schema_version, payload, occurred_at) values (?, 'swarm', ?, 1, 'swarm-requested',"
                + " 1, cast(? as jsonb), now())"); Statement notify = connection.createStatement()) {
            event.setObject(1, UUID.randomUUID());
            event.setString(2, key);
            event.setString(3, PAYLOAD.formatted(key));
            event.executeUpdate();
            notify.execute("select pg_notify('caseswarm_events_appended', '')");
        }
        connection.commit();
    }

    /** As the platform's relay: wait for a NOTIFY, send what is unpublished, flush, mark what was acknowledged. */
    private void relay(TestDatabase database, String topic) {
        try (Connection session = database.connect();
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
                Statement statement = session.createStatement()) {
            statement.execute("listen caseswarm_events_appended");
            while (running) {
                List<Long> positions = new ArrayList<>();
                List<Future<?>> sends = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select position, stream_id, payload::text from events"
                        + " where published_at is null order by position limit 500")) {
                    while (rows.next()) {
                        positions.add(rows.getLong(1));
                        sends.add(producer.send(new ProducerRecord<>(topic, rows.getString(2), rows.getString(3))));
                    }
                }
                producer.flush();
                for (var send : sends) {
                    send.get();
                }
                if (!positions.isEmpty()) {
                    try (PreparedStatement mark = session.prepareStatement(
                            "update events set published_at = now() where position = any(?)")) {
                        mark.setArray(1, session.createArrayOf("bigint", positions.toArray()));
                        mark.executeUpdate();
                    }
                }
                session.unwrap(PGConnection.class).getNotifications(500);
            }
        } catch (Exception e) {
            if (running) {
                throw new IllegalStateException("The outbox chain's relay failed", e);
            }
        }
    }

    /** The middle consumer: each event is recorded in the second database's inbox with the next event, at once. */
    private void hop() {
        try (KafkaConsumer<String, String> consumer = consumer(firstTopic); Connection connection = second.connect();
                PreparedStatement inbox = connection.prepareStatement(
                        "insert into processed_events (consumer, event_id) values ('chain', ?) on conflict do nothing")) {
            connection.setAutoCommit(false);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    inbox.setObject(1, UUID.nameUUIDFromBytes(record.key().getBytes()));
                    inbox.executeUpdate();
                    append(connection, record.key());
                }
            }
        } catch (Exception e) {
            if (running) {
                throw new IllegalStateException("The outbox chain's middle consumer failed", e);
            }
        }
    }

    private void end() {
        try (KafkaConsumer<String, String> consumer = consumer(lastTopic)) {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    arrived.put(record.key(), System.nanoTime());
                }
            }
        }
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    private long awaitArrival(String key) {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        for (Long at = arrived.get(key); ; at = arrived.get(key)) {
            if (at != null) {
                return at;
            }
            if (System.nanoTime() > giveUp || threads.stream().anyMatch(thread -> !thread.isAlive())) {
                throw new IllegalStateException("The outbox chain did not deliver " + key + " within " + PATIENCE);
            }
            sleep(1);
        }
    }

    private static void createSchema(Path root, TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(root.resolve("event-platform/src/main/resources/db/platform/V0_1__event_store.sql")));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the outbox chain's tables", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createTopics(String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(Arrays.stream(names).map(name -> new NewTopic(name, 1, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the outbox chain's topics", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            first.close();
            second.close();
        }
    }
}
