package io.caseswarm.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which replica of each service publishes its outbox, as the replicas themselves say it: each one's
 * {@code caseswarm_outbox_leader} gauge, read from every live replica a few times a second. It keeps the most
 * replicas that claimed to publish at once (never more than one, or two would race each other's events onto
 * the topic) and every change of leader, with its time.
 */
final class RelayLeaders implements AutoCloseable {

    /** A replica took over publishing a service's events. */
    record Change(Instant at, String service, String leader) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration EVERY = Duration.ofMillis(250);

    private final RunningSystem system;
    private final List<String> services;
    private final Map<String, Integer> mostAtOnce = new ConcurrentHashMap<>();
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final List<Change> changes = Collections.synchronizedList(new ArrayList<>());
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile int samples;

    RelayLeaders(RunningSystem system, List<String> services) {
        this.system = system;
        this.services = List.copyOf(services);
        this.sampler = Thread.ofPlatform().name("relay-leaders").daemon().start(this::sample);
    }

    private void sample() {
        while (running) {
            for (String service : services) {
                List<String> leaders = system.replicas(service).stream().filter(RelayLeaders::leads)
                        .map(ServiceProcess::name).toList();
                mostAtOnce.merge(service, leaders.size(), Math::max);
                if (leaders.size() == 1 && !leaders.getFirst().equals(current.get(service))) {
                    current.put(service, leaders.getFirst());
                    changes.add(new Change(Instant.now(), service, leaders.getFirst()));
                }
            }
            samples++;
            try {
                Thread.sleep(EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The replica publishing the service's events now, if one does. */
    Optional<ServiceProcess> leaderOf(String service) {
        return system.replicas(service).stream().filter(RelayLeaders::leads).findFirst();
    }

    /** Waits for a replica other than {@code gone} to publish, and answers how long that took. */
    Duration awaitLeaderOtherThan(String service, ServiceProcess gone, Duration patience) {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(patience) < 0) {
            Optional<ServiceProcess> leader = leaderOf(service);
            if (leader.isPresent() && leader.get() != gone) {
                return Duration.between(start, Instant.now());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no other replica of " + service + " took over publishing within " + patience);
    }

    int mostAtOnce(String service) {
        return mostAtOnce.getOrDefault(service, 0);
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    int samples() {
        return samples;
    }

    /** What the replica's metrics say; a replica that does not answer is not publishing. */
    private static boolean leads(ServiceProcess replica) {
        if (!replica.isAlive()) {
            return false;
        }
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(replica.url() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return metrics.statusCode() == 200 && metrics.body().lines()
                    .anyMatch(line -> line.startsWith("caseswarm_outbox_leader") && line.endsWith(" 1.0"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
