package io.caseswarm.platform.metrics;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for {@code http_server_requests_seconds}, so a dashboard can show the 95th percentile of
 * each service's latency across its replicas ({@code histogram_quantile} over {@code _bucket}); Quarkus
 * publishes only the count, sum and max. A few fixed bounds, from 25 ms to 5 s, instead of Micrometer's
 * seventy-odd default buckets: the series are multiplied by every route and status.
 */
@Singleton
public class HttpLatencyBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** 25 ms, 50 ms, 100 ms, 250 ms, 500 ms, 1 s, 2.5 s and 5 s, in nanoseconds as Micrometer takes them. */
    private static final double[] BOUNDS = Stream.of(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5)).mapToDouble(Duration::toNanos).toArray();
    private static final DistributionStatisticConfig BUCKETS =
            DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS).build();

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals(HTTP_SERVER_REQUESTS) ? BUCKETS.merge(config) : config;
            }
        };
    }
}
