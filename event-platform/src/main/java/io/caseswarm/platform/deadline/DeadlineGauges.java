package io.caseswarm.platform.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.caseswarm.platform.metrics.ServiceGauges;
import io.micrometer.core.instrument.Gauge;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code caseswarm_deadlines_pending} and {@code caseswarm_deadlines_parked}, read from the database at
 * scrape time, so every replica reports the same truth whichever of them fires.
 */
@ApplicationScoped
class DeadlineGauges {

    private static final Logger LOG = Logger.getLogger(DeadlineGauges.class);

    private final DeadlineStore store;

    DeadlineGauges(DeadlineStore store) {
        this.store = store;
    }

    void register(@Observes StartupEvent startup, ServiceGauges gauges) {
        gauges.register(Gauge.builder("caseswarm.deadlines.pending", this, gauge -> gauge.count(false))
                .description("Deadlines waiting to fire, overdue and retried ones included, parked ones not"));
        gauges.register(Gauge.builder("caseswarm.deadlines.parked", this, gauge -> gauge.count(true))
                .description("Deadlines that failed for good and wait for an operator"));
    }

    private double count(boolean parked) {
        try {
            return store.count(parked);
        } catch (RuntimeException e) {
            LOG.debugf("Deadline count unknown: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
