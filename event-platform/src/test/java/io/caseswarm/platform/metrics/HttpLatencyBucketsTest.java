package io.caseswarm.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

class HttpLatencyBucketsTest {

    private static final Pattern BUCKET = Pattern.compile("^(\\w+)_bucket\\{.*le=\"([^\"]+)\".*} (\\S+)$");

    @Test
    void requestDurationsFallIntoBucketsThatAPercentileIsComputedFrom() {
        PrometheusMeterRegistry registry = registry();
        Timer requests = Timer.builder("http.server.requests").tag("uri", "/cases").register(registry);
        requests.record(Duration.ofMillis(120));
        requests.record(Duration.ofMillis(20));
        requests.record(Duration.ofSeconds(3));

        Map<String, Double> buckets = buckets(registry.scrape(), "http_server_requests_seconds");

        assertThat(buckets).containsEntry("0.025", 1.0).containsEntry("0.1", 1.0).containsEntry("0.25", 2.0)
                .containsEntry("2.5", 2.0).containsEntry("5.0", 3.0).containsEntry("+Inf", 3.0).hasSize(9);
    }

    @Test
    void otherTimersKeepNoBuckets() {
        PrometheusMeterRegistry registry = registry();
        Timer.builder("caseswarm.some.work").register(registry).record(Duration.ofMillis(120));

        assertThat(buckets(registry.scrape(), "caseswarm_some_work_seconds")).isEmpty();
    }

    private static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new HttpLatencyBuckets().httpLatencyBuckets());
        return registry;
    }

    private static Map<String, Double> buckets(String scrape, String metric) {
        Map<String, Double> buckets = new TreeMap<>();
        scrape.lines().forEach(line -> {
            Matcher bucket = BUCKET.matcher(line);
            if (bucket.matches() && bucket.group(1).equals(metric)) {
                buckets.put(bucket.group(2), Double.parseDouble(bucket.group(3)));
            }
        });
        return buckets;
    }
}
