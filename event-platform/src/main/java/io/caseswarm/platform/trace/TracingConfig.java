package io.caseswarm.platform.trace;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where spans go. Without an endpoint they are still made (their ids reach logs and events) but kept nowhere. */
@ConfigMapping(prefix = "caseswarm.tracing")
public interface TracingConfig {

    /**
     * An OTLP/HTTP collector, e.g. {@code http://otel-collector:4318}: spans are posted, as protobuf, to its
     * {@code /v1/traces}.
     */
    Optional<String> otlpEndpoint();

    /** How long one export may take before its spans are dropped: a collector away never holds up the work. */
    @WithDefault("10s")
    Duration exportTimeout();

    /** The longest a finished span waits in memory before it is sent with others. */
    @WithDefault("2s")
    Duration exportDelay();
}
