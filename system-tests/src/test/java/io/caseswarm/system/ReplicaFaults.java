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

/**
 * The faults of a scaled-out run and what they must show: a replica of a service killed ({@code kill -9}) or
 * stopped (SIGTERM) while the others go on, as a node failure or a rolling update does to a Deployment. For each
 * it measures, and fails on, what an operator relies on: another replica takes over publishing the outbox, the
 * consumer groups hand the partitions of the one that went to those that stay, and once it is back (Kubernetes
 * starts a new pod) they share them again. A stopped replica must turn unready first and leave its groups at
 * once; a killed one is noticed by the broker only after the session timeout.
 */
final class ReplicaFaults implements AutoCloseable {

    /**
     * The consumer groups of the scaled-out services and the topics each reads (a group is named after its
     * service, as Quarkus does, unless the service's application.properties names another).
     */
    static final Map<String, Map<String, List<String>>> GROUPS = Map.of(
            "swarm-service", Map.of(
                    "swarm-service", List.of("case-events", "expert-events"),
                    "swarm-service-slack", List.of("swarm-events")),
            "expert-finder-service", Map.of(
                    "expert-finder-service", List.of("swarm-events", "case-events", "knowledge-events")));

    /** Partitions of every topic, as the broker creates them (and deploy/k8s declares them). */
    static final int PARTITIONS = 6;
    /** Beyond Kafka's 45 s session timeout, which is how long a killed consumer keeps its partitions. */
    private static final Duration REBALANCE_PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final RunningSystem system;
    private final RelayLeaders leaders;
    private final ConsumerGroups groups;
    private final List<String> evidence = Collections.synchronizedList(new ArrayList<>());

    ReplicaFaults(RunningSystem system) {
        this.system = system;
        this.leaders = new RelayLeaders(system, List.copyOf(GROUPS.keySet()));
        this.groups = new ConsumerGroups(system.bootstrapServers());
    }

    /** Every group of every scaled-out service shares each of its topics among all its replicas. */
    void checkSpread(String when) {
        for (String service : GROUPS.keySet()) {
            awaitSpread(service, system.replicas(service).size(), when);
        }
    }

    /** {@code kill -9} of the replica that publishes the service's events; Kubernetes then starts it anew. */
    String killLeader(String service, String restartMarker) {
        ServiceProcess leader = leader(service);
        Instant at = Instant.now();
        leader.kill();
        Duration takeover = leaders.awaitLeaderOtherThan(service, leader, Duration.ofSeconds(60));
        record(service, "kill -9 of %s (the publishing replica): another replica publishes after %s", leader.name(),
                ChaosRun.seconds(takeover));
        awaitSpread(service, system.replicas(service).size() - 1, "after the kill (since the kill: "
                + ChaosRun.seconds(Duration.between(at, Instant.now())) + ")");
        leader.restart(restartMarker);
        leader.awaitReady();
        awaitSpread(service, system.replicas(service).size(), "after " + leader.name() + " came back");
        return "kill -9 " + leader.name() + " (publishing)";
    }

    /**
     * SIGTERM to the replica that publishes, as a rolling update sends it: it must answer unready while it still
     * runs, exit cleanly, hand over publishing and leave its groups well before a session timeout.
     */
    String terminateLeader(String service, String restartMarker) {
        ServiceProcess leader = leader(service);
        Instant at = Instant.now();
        leader.signalStop();
        Duration unready = awaitUnreadyWhileRunning(leader);
        int exit = leader.awaitExit(Duration.ofSeconds(30));
        Duration exited = Duration.between(at, Instant.now());
        if (exit != 0 && exit != 143) {
            throw new IllegalStateException(leader.name() + " exited with " + exit + " on SIGTERM; see " + leader.logFile());
        }
        record(service, "SIGTERM to %s (the publishing replica): unready after %s while still running, exited (%d) after %s",
                leader.name(), ChaosRun.seconds(unready), exit, ChaosRun.seconds(exited));
        Duration takeover = leaders.awaitLeaderOtherThan(service, leader, Duration.ofSeconds(60));
        record(service, "another replica publishes %s after the exit", ChaosRun.seconds(takeover));
        Duration handover = awaitSpread(service, system.replicas(service).size() - 1, "after the SIGTERM");
        Duration sinceSignal = Duration.between(at, Instant.now());
        if (sinceSignal.compareTo(Duration.ofSeconds(40)) > 0) {
            throw new IllegalStateException(leader.name() + " did not leave its consumer groups on SIGTERM: its "
                    + "partitions moved only after " + ChaosRun.seconds(sinceSignal) + ", a session timeout");
        }
        record(service, "its partitions were with the others %s after the signal (%s after the exit)",
                ChaosRun.seconds(sinceSignal), ChaosRun.seconds(handover));
        leader.restart(restartMarker);
        leader.awaitReady();
        awaitSpread(service, system.replicas(service).size(), "after " + leader.name() + " came back");
        return "SIGTERM " + leader.name() + " (publishing)";
    }

    /** What was measured, in the order it happened. */
    List<String> evidence() {
        List<String> all = new ArrayList<>(evidence);
        for (String service : GROUPS.keySet()) {
            all.add("%s: at most %d replica(s) published at once in %d samples; leaders in turn: %s".formatted(service,
                    leaders.mostAtOnce(service), leaders.samples(), leaders.changes().stream()
                            .filter(change -> change.service().equals(service)).map(RelayLeaders.Change::leader).toList()));
        }
        return all;
    }

    /** Services on which two replicas published at the same time. */
    List<String> doublePublishers() {
        return GROUPS.keySet().stream().filter(service -> leaders.mostAtOnce(service) > 1).toList();
    }

    private ServiceProcess leader(String service) {
        return leaders.leaderOf(service)
                .orElseThrow(() -> new IllegalStateException("no replica of " + service + " publishes"));
    }

    private Duration awaitSpread(String service, int members, String when) {
        Instant start = Instant.now();
        GROUPS.get(service).forEach((group, topics) -> topics.forEach(topic -> {
            groups.awaitSpread(group, topic, members, PARTITIONS, REBALANCE_PATIENCE);
            record(service, "%s: %s shared %s by %d replicas %s", group, topic, groups.spread(group, topic), members, when);
        }));
        return Duration.between(start, Instant.now());
    }

    /** Polls readiness from the signal on: it must answer 503 before the process is gone. */
    private static Duration awaitUnreadyWhileRunning(ServiceProcess replica) {
        Instant start = Instant.now();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(replica.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(1)).build();
        while (replica.isAlive()) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 503) {
                    Duration unready = Duration.between(start, Instant.now());
                    if (!replica.isAlive()) {
                        break;
                    }
                    return unready;
                }
            } catch (IOException e) {
                // no longer listening: it stopped serving without having said it was unready
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(replica.name() + " never answered unready between SIGTERM and its exit");
    }

    private void record(String service, String format, Object... args) {
        String line = service + ": " + format.formatted(args);
        evidence.add(line);
        System.out.println("[scale-out] " + line);
    }

    @Override
    public void close() {
        leaders.close();
        groups.close();
    }
}
