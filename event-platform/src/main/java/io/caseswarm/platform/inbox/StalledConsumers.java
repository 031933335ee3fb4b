package io.caseswarm.platform.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.caseswarm.platform.event.CloudEvent;
import io.caseswarm.platform.event.CloudEventHeaders;
import io.caseswarm.platform.metrics.ServiceGauges;
import io.caseswarm.platform.retry.TransientFailures;
import io.micrometer.core.instrument.Gauge;
import io.quarkus.runtime.StartupEvent;

/**
 * The partitions whose consumer is held on a record it cannot apply yet (the database away, say). While
 * any is, the service is not ready ({@link io.caseswarm.platform.health.EventConsumersCheck}),
 * {@code caseswarm_consumer_stalled} counts them, and a warning names each record; the consumer resumes
 * by itself once the record applies.
 */
@ApplicationScoped
public class StalledConsumers {

    private static final Logger LOG = Logger.getLogger(StalledConsumers.class);

    private final Map<TopicPartition, Stall> stalls = new ConcurrentHashMap<>();

    /** At start, so that dashboards see 0 rather than nothing before the first stall. */
    void register(@Observes StartupEvent startup, ServiceGauges gauges) {
        gauges.register(Gauge.builder("caseswarm.consumer.stalled", this, consumers -> consumers.stalls.size())
                .description("Partitions whose consumer waits on a record that fails for a transient reason"));
    }

    void stalled(ConsumerRecord<String, String> record, RuntimeException failure, int attempts) {
        Stall stall = new Stall(record.offset(), CloudEvent.header(record.headers(), CloudEventHeaders.ID),
                CloudEvent.header(record.headers(), CloudEventHeaders.TYPE), TransientFailures.describe(failure), Instant.now());
        stalls.put(new TopicPartition(record.topic(), record.partition()), stall);
        LOG.warnf("Consumer of %s-%d stalled at offset %d (%s %s) after %d tries: %s. It keeps trying and goes on"
                + " once the cause has passed; nothing is skipped or dead-lettered.", record.topic(), record.partition(),
                record.offset(), stall.type(), stall.eventId(), attempts, stall.reason());
    }

    void applied(ConsumerRecord<String, String> record) {
        if (stalls.isEmpty()) {
            return;
        }
        Stall stall = stalls.remove(new TopicPartition(record.topic(), record.partition()));
        if (stall != null) {
            LOG.infof("Consumer of %s-%d resumed at offset %d after %d s", record.topic(), record.partition(),
                    record.offset(), Duration.between(stall.since(), Instant.now()).toSeconds());
        }
    }

    /** Each stalled partition ({@code topic-partition}) with the record it waits on and why. */
    public Map<String, String> stalls() {
        Map<String, String> described = new TreeMap<>();
        stalls.forEach((partition, stall) -> described.put(partition.toString(),
                "offset %d (%s %s) since %s: %s".formatted(stall.offset(), stall.type(), stall.eventId(), stall.since(),
                        stall.reason())));
        return described;
    }

    private record Stall(long offset, String eventId, String type, String reason, Instant since) {
    }
}
