package io.caseswarm.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.tools.StorageTool;

/**
 * Runs a single-node Apache Kafka broker in KRaft mode (broker and controller in one process)
 * and creates Caseswarm's topics on it.
 *
 * <p>Used both by {@code ./caseswarm up} (fixed ports, data kept between runs) and by the test
 * resources (free ports, a fresh directory, and {@code --exit-with-parent} so that a test JVM that
 * dies never leaves a broker behind). Prints {@value #READY} once the topics exist.
 */
public final class BrokerMain {

    public static final String READY = "CASESWARM-KAFKA-READY";

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        BrokerOptions options = BrokerOptions.parse(args);
        // Read by log4j2.properties; must be set before the first Kafka class logs anything.
        System.setProperty("kafka.logs.dir", options.dataDir().toString());
        Path config = writeServerProperties(options);
        formatStorageOnce(options, config);
        if (options.exitWithParent()) {
            exitWhenStdinCloses();
        }
        TopicCreator topics = new TopicCreator(options.bootstrapServers(), options.topics(), options.partitions());
        Thread.ofPlatform().daemon().name("caseswarm-topic-creator").start(() -> {
            topics.createAll();
            System.out.println(READY + " " + options.bootstrapServers());
            System.out.flush();
        });
        // Blocks until the broker shuts down (SIGTERM or System.exit run its shutdown hook).
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static Path writeServerProperties(BrokerOptions options) throws IOException {
        Files.createDirectories(options.dataDir());
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + options.controllerPort());
        props.setProperty("listeners",
                "PLAINTEXT://127.0.0.1:" + options.port() + ",CONTROLLER://127.0.0.1:" + options.controllerPort());
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + options.port());
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("log.dirs", options.dataDir().resolve("log").toString());
        // Topics are part of the contract with subscribers: they are created on purpose, never by accident.
        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("num.partitions", String.valueOf(options.partitions()));
        // One node: internal topics cannot be replicated, and small ones start faster.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "6");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "6");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        Path file = options.dataDir().resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "Written by io.caseswarm.kafka.BrokerMain");
        }
        return file;
    }

    private static void formatStorageOnce(BrokerOptions options, Path config) {
        if (Files.exists(options.dataDir().resolve("log").resolve("meta.properties"))) {
            return;
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        int exit = StorageTool.execute(
                new String[] {"format", "--ignore-formatted", "-t", clusterId, "-c", config.toString()}, System.out);
        if (exit != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + exit);
        }
    }

    /** A test JVM holds our stdin open; when it goes away, so do we. */
    private static void exitWhenStdinCloses() {
        Thread.ofPlatform().daemon().name("caseswarm-parent-watch").start(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // Nothing is ever sent; reading only waits for end-of-stream.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as end-of-stream.
            }
            System.exit(0);
        });
    }

    record BrokerOptions(Path dataDir, int port, int controllerPort, List<String> topics, int partitions,
            boolean exitWithParent) {

        String bootstrapServers() {
            return "127.0.0.1:" + port;
        }

        static BrokerOptions parse(String[] args) {
            Path dataDir = Path.of(".caseswarm/kafka");
            int port = 9092;
            int controllerPort = 9093;
            List<String> topics = CaseswarmTopics.ALL;
            int partitions = 6;
            boolean exitWithParent = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                    case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                    case "--extra-topics" -> topics = Stream.concat(topics.stream(),
                            Stream.of(args[++i].split(","))).toList();
                    case "--exit-with-parent" -> exitWithParent = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; expected --data-dir, --port, --controller-port, --partitions, --extra-topics,"
                            + " --exit-with-parent");
                }
            }
            return new BrokerOptions(dataDir.toAbsolutePath(), port, controllerPort, topics, partitions,
                    exitWithParent);
        }
    }
}
