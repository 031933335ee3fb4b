package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names operators query (the alerts in deploy/k8s and the dashboards in deploy/grafana), and those
 * the services' code declares, in the names Prometheus gives them.
 */
final class MetricsInUse {

    private static final Pattern QUERIED = Pattern.compile("\\b(?:caseswarm|kafka_consumer|http_server)_[a-z0-9_]+");
    /**
     * A counter, timer or gauge of the code: a counter or timer shows in /q/metrics only once it has counted or
     * timed something, and some gauges only once what they measure first exists (a stream's first client).
     */
    private static final Pattern DECLARED = Pattern.compile(
            "(counter|Counter\\.builder|timer|Timer\\.builder|Gauge\\.builder)\\(\\s*\"(caseswarm\\.[a-z.]+)\"");

    private MetricsInUse() {
    }

    /** Each metric name the alerts and dashboards use, with the first file that uses it. */
    static Map<String, String> queried(Path root) {
        Map<String, String> queried = new TreeMap<>();
        List<Path> sources = Stream.concat(Stream.of(root.resolve("deploy/k8s/base/alerts.yaml")),
                files(root.resolve("deploy/grafana")).filter(file -> file.toString().endsWith(".json"))).toList();
        for (Path source : sources) {
            QUERIED.matcher(read(source)).results()
                    .forEach(found -> queried.putIfAbsent(found.group(), root.relativize(source).toString()));
        }
        return queried;
    }

    /**
     * The series of every counter, timer and gauge the services' code declares: x.y counts as x_y_total, times as
     * x_y_seconds_*, measures as x_y.
     */
    static Set<String> declared(Path root) {
        Set<String> declared = new HashSet<>();
        for (String module : List.of("event-platform", "case-service", "swarm-service", "expert-finder-service",
                "knowledge-service", "notification-service")) {
            files(root.resolve(module).resolve("src/main/java")).filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> DECLARED.matcher(read(file)).results().forEach(found -> {
                        String name = found.group(2).replace('.', '_');
                        if (found.group(1).toLowerCase().startsWith("counter")) {
                            declared.add(name + "_total");
                        } else if (found.group(1).startsWith("Gauge")) {
                            declared.add(name);
                        } else {
                            Stream.of("", "_count", "_sum", "_max", "_bucket").forEach(part -> declared.add(name + "_seconds" + part));
                        }
                    }));
        }
        return declared;
    }

    private static Stream<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
