package io.caseswarm.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker in a child process on free ports, started from the broker that
 * {@code deploy/kafka-broker} assembles. The child watches our stdin and exits when this JVM goes
 * away, so a crashed test run leaves no broker behind.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String READY = "CASESWARM-KAFKA-READY";
    private static final long START_TIMEOUT_SECONDS = 90;
    /** Free ports are picked before the broker binds them; another process can take one in between. */
    private static final int FIRST_START_ATTEMPTS = 3;

    private final Path dataDir;
    private int port;
    private int controllerPort;
    private final List<String> extraTopics;
    private Process process;

    private KafkaBroker(List<String> extraTopics) {
        try {
            this.dataDir = Files.createTempDirectory("caseswarm-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.extraTopics = extraTopics;
    }

    /**
     * Starts a broker with Caseswarm's topics and, if given, some more (for tests of the platform itself). A
     * broker that dies before it is ready, as when a port it was given was taken meanwhile, is started again on
     * fresh ports.
     */
    public static KafkaBroker start(List<String> extraTopics) {
        return start(extraTopics, FreePorts::next);
    }

    static KafkaBroker start(List<String> extraTopics, IntSupplier ports) {
        KafkaBroker broker = new KafkaBroker(extraTopics);
        for (int attempt = 1;; attempt++) {
            broker.port = ports.getAsInt();
            broker.controllerPort = ports.getAsInt();
            try {
                broker.startProcess();
                return broker;
            } catch (BrokerExited e) {
                if (attempt == FIRST_START_ATTEMPTS) {
                    broker.close();
                    throw e;
                }
                System.err.println("Starting the Kafka broker again on fresh ports: " + e.getMessage());
                // It may have formatted its storage for the old ports' quorum; the next start makes the folder anew.
                deleteTree(broker.dataDir);
            }
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker and starts it again on the same ports with the same data, as after a crash-free restart. */
    public void restart() {
        stopProcess();
        startProcess();
    }

    public void stopProcess() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void startProcess() {
        Path home = kafkaHome();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m",
                "-cp", home.resolve("libs").toString() + "/*",
                "io.caseswarm.kafka.BrokerMain",
                "--data-dir", dataDir.toString(),
                "--port", String.valueOf(port),
                "--controller-port", String.valueOf(controllerPort),
                "--exit-with-parent"));
        if (!extraTopics.isEmpty()) {
            command.addAll(List.of("--extra-topics", String.join(",", extraTopics)));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker", e);
        }
        awaitReady();
    }

    private void awaitReady() {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(READY)) {
                        drainInBackground(out);
                        return true;
                    }
                }
            } catch (IOException e) {
                // the broker died; reported below
            }
            return false;
        });
        try {
            if (!ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new BrokerExited("The Kafka broker exited before it was ready on ports " + port + " and "
                        + controllerPort + "; its log says:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the Kafka broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The Kafka broker was not ready within " + START_TIMEOUT_SECONDS
                    + " s; see " + dataDir.resolve("server.log"), e);
        }
    }

    /**
     * The log is deleted with the data directory, so what it says went wrong is kept in the exception: its
     * errors and their causes, or its last lines when it names none.
     */
    private String logTail() {
        try (Stream<String> lines = Files.lines(dataDir.resolve("server.log"), UTF_8)) {
            List<String> all = lines.toList();
            List<String> errors = all.stream()
                    .filter(line -> line.contains("] ERROR ") || line.contains("] FATAL ") || line.startsWith("Caused by"))
                    .distinct().toList();
            List<String> shown = errors.isEmpty() ? all : errors;
            return String.join("\n", shown.subList(Math.max(0, shown.size() - 12), shown.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The broker keeps writing to stdout now and then; reading it keeps the pipe from filling up. */
    private static void drainInBackground(BufferedReader out) {
        Thread.ofVirtual().start(() -> {
            try (out) {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the broker has gone
            }
        });
    }

    private static Path kafkaHome() {
        String home = System.getProperty("caseswarm.kafka.home");
        if (home == null || !Files.isDirectory(Path.of(home, "libs"))) {
            throw new IllegalStateException("No assembled Kafka broker at caseswarm.kafka.home=" + home
                    + "; build deploy/kafka-broker first (./mvnw -pl deploy/kafka-broker package)");
        }
        return Path.of(home);
    }

    @Override
    public void close() {
        stopProcess();
        deleteTree(dataDir);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** The broker process died before it printed that it was ready. */
    private static final class BrokerExited extends IllegalStateException {
        BrokerExited(String message) {
            super(message);
        }
    }
}
