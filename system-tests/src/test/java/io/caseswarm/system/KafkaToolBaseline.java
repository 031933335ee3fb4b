package io.caseswarm.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What the broker itself does on this machine, measured with Kafka's own tools from the broker's jars
 * ({@code EndToEndLatency} and {@code ProducerPerformance}, as {@code kafka-e2e-latency.sh} and
 * {@code kafka-producer-perf-test.sh} run them), each in a JVM of its own against the benchmark's
 * broker, on topics of their own. The baselines P2 and the relay's throughput are judged against.
 */
final class KafkaToolBaseline {

    private static final Pattern E2E_PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec .*?, ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency,"
                    + " (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    /** Kafka's end-to-end latency, produce (acks=all) to consume, one record at a time, in ms. */
    record EndToEnd(int records, double p50, double p99, double p999) {
    }

    /** Kafka's producer throughput (acks=all, as the relay sends) and its send latency. */
    record Producer(int records, double perSecond, double p50, double p99) {
    }

    private final Path kafkaLibs;
    private final String bootstrapServers;

    KafkaToolBaseline(Path kafkaHome, String bootstrapServers) {
        this.kafkaLibs = kafkaHome.resolve("libs");
        this.bootstrapServers = bootstrapServers;
    }

    EndToEnd endToEnd(int records) {
        String topic = createTopic("bench-end-to-end-latency");
        String out = runTool("org.apache.kafka.tools.EndToEndLatency", "--bootstrap-server", bootstrapServers, "--topic", topic,
                "--num-records", String.valueOf(records), "--producer-acks", "all", "--record-size", "512");
        Matcher found = E2E_PERCENTILES.matcher(out);
        if (!found.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + out);
        }
        return new EndToEnd(records, Double.parseDouble(found.group(1)), Double.parseDouble(found.group(2)),
                Double.parseDouble(found.group(3)));
    }

    Producer producer(int records) {
        String topic = createTopic("bench-producer-performance");
        String out = runTool("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
                String.valueOf(records), "--record-size", "512", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrapServers, "acks=all");
        Matcher found = PRODUCER_SUMMARY.matcher(out);
        Matcher last = null;
        while (found.find()) {
            last = found;
            if (Integer.parseInt(found.group(1)) == records) {
                return new Producer(records, Double.parseDouble(found.group(2)), Double.parseDouble(found.group(6)),
                        Double.parseDouble(found.group(7)));
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary" + (last == null ? "" : " of all records")
                + ":\n" + out);
    }

    private String createTopic(String name) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            return name;
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the topic " + name, e);
        }
    }

    private String runTool(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", kafkaLibs.resolve("*").toString(), mainClass));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("caseswarm-kafka-tool-", ".txt");
            try {
                Process tool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!tool.waitFor(10, TimeUnit.MINUTES)) {
                    tool.destroyForcibly();
                    throw new IllegalStateException(mainClass + " did not finish in 10 minutes");
                }
                String out = Files.readString(output, UTF_8);
                if (tool.exitValue() != 0) {
                    throw new IllegalStateException(mainClass + " failed (exit " + tool.exitValue() + "):\n" + out);
                }
                return out;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
