package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Caseswarm service ({@code target/quarkus-app}) running as its own JVM, as in production. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final ProcessBuilder builder;
    private volatile Process process;
    /** When the JVM was started (or restarted): ready times count from here, whoever waits for them. */
    private volatile Instant launched = Instant.now();
    private Duration startTime;

    private ServiceProcess(String name, int port, Path log, ProcessBuilder builder, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.builder = builder;
        this.process = process;
    }

    /** Starts the service with the given configuration (as system properties); call {@link #awaitReady()} next. */
    static ServiceProcess start(Path root, String name, int port, Map<String, String> config) {
        return start(root, name, port, config, false);
    }

    /**
     * Starts the service with the given configuration only: no setting reaches it from this JVM's
     * environment ({@code QUARKUS_*}, {@code KAFKA_*}, {@code MP_*}, {@code CASESWARM_*}), so a test can
     * tell what the service does when a setting is missing.
     */
    static ServiceProcess startWithOnly(Path root, String name, int port, Map<String, String> config) {
        return start(root, name, port, config, true);
    }

    /**
     * Starts one more replica of a service, as {@link #start(Path, String, int, Map)} with its own port and log
     * ({@code <service>-<replica>.log}).
     */
    static ServiceProcess startReplica(Path root, String name, int replica, int port, Map<String, String> config) {
        return start(root, name, name + "-" + replica, port, config, false);
    }

    private static ServiceProcess start(Path root, String name, int port, Map<String, String> config,
            boolean onlyGivenSettings) {
        return start(root, name, name, port, config, onlyGivenSettings);
    }

    private static ServiceProcess start(Path root, String name, String label, int port, Map<String, String> config,
            boolean onlyGivenSettings) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Not packaged: " + jar + " (run ./mvnw package first)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + root.resolve("deploy/jvm/service.options")));
        // caseswarm.service.java-options: more JVM options for every service, e.g. to record a profile.
        for (String option : System.getProperty("caseswarm.service.java-options", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        Path aotCache = AotCache.fileOf(name);
        command.addAll(AotCache.options(aotCache, AotCache.defaultFor(aotCache)));
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            // caseswarm.logs: another folder for the logs, e.g. one per chaos run, so that runs side by side do not mix.
            Path log = Path.of(System.getProperty("caseswarm.logs", root.resolve("system-tests/target/logs").toString()))
                    .resolve(label + ".log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (onlyGivenSettings) {
                builder.environment().keySet().removeIf(variable -> variable.startsWith("QUARKUS_")
                        || variable.startsWith("KAFKA_") || variable.startsWith("MP_") || variable.startsWith("CASESWARM_"));
            }
            Process process = builder.start();
            return new ServiceProcess(label, port, log, builder, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startTime = Duration.between(launched, Instant.now());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    /** Kills the JVM the hard way (SIGKILL, as {@code kill -9}): no shutdown hooks, nothing flushed or committed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the service again with the same port, database, configuration and environment, after a
     * {@link #kill()}. The log goes on in the same file, after a line that marks the restart; call
     * {@link #awaitReady()} next.
     */
    void restart(String marker) {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            Files.writeString(log, System.lineSeparator() + marker + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.APPEND);
            launched = Instant.now();
            process = builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restart " + name, e);
        }
    }

    /**
     * Restarts the service, as {@link #restart(String)}, with its AOT cache used as {@code use} says. Only
     * when the suite keeps caches ({@link AotCache#fileOf}); call {@link #awaitReady()} next.
     */
    void restart(String marker, AotCache.Use use) {
        Path cache = AotCache.fileOf(name);
        if (cache == null) {
            throw new IllegalStateException("No AOT cache is kept for " + name);
        }
        List<String> command = builder.command();
        command.removeIf(AotCache::isOption);
        command.addAll(1, AotCache.options(cache, use));
        restart(marker);
    }

    /**
     * Stops the service (SIGTERM) and waits up to {@code patience} for it to exit; a JVM that writes its
     * AOT cache as it exits takes a while. Fails if it is still running then.
     */
    void stop(Duration patience) {
        process.destroy();
        int exit = awaitExit(patience);
        if (exit != 0 && exit != 143) {
            throw new IllegalStateException(name + " exited with " + exit + " on SIGTERM; see " + log);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return log;
    }

    /** Waits for the process to end by itself and returns its exit code; fails if it still runs after the timeout. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still runs after " + timeout + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    /** Everything the service has logged so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** How long after its JVM was launched the service first answered ready. */
    Duration startTime() {
        return startTime;
    }

    long residentMemoryMb() {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Asks the service to stop (SIGTERM) without waiting, so that all services stop at once. */
    void signalStop() {
        process.destroy();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
