package io.caseswarm.platform.inbox;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.caseswarm.platform.retry.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * What happens to a record the inbox gave up on. A record that can never be processed goes to its
 * {@code <topic>-dlq} through the connector's dead-letter queue, and
 * {@code caseswarm_events_dead_lettered_total{topic}} rises. A transient failure only gets here when the
 * service stops while waiting for its cause to pass, and any failure of a service that is stopping may be
 * its own shutdown (the persistence unit closed under a record in flight): such a record is not
 * dead-lettered and not acknowledged, so its offset is not committed and it is delivered again, to the
 * replica that takes the partition over or after the restart. Every channel uses this strategy by default.
 */
@ApplicationScoped
@Identifier(PoisonRecordDeadLetterQueue.STRATEGY)
public class PoisonRecordDeadLetterQueue implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "caseswarm-dead-letter-queue";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final KafkaFailureHandler.Factory failStop;
    private final MeterRegistry registry;
    private final EventInbox inbox;

    PoisonRecordDeadLetterQueue(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory failStop,
            MeterRegistry registry, EventInbox inbox) {
        this.deadLetterQueue = deadLetterQueue;
        this.failStop = failStop;
        this.registry = registry;
        this.inbox = inbox;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler poison = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler stop = failStop.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (TransientFailures.isTransient(reason) || inbox.isStopping()) {
                    return stop.handle(record, reason, metadata);
                }
                return poison.handle(record, reason, metadata).invoke(() -> registry
                        .counter("caseswarm.events.dead.lettered", "topic", record.getTopic()).increment());
            }

            @Override
            public void terminate() {
                poison.terminate();
                stop.terminate();
            }
        };
    }
}
