package io.caseswarm.platform.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registers the platform's gauges and removes them when the application stops. A gauge reads the bean
 * that registered it; left behind in a registry that outlives the application (several applications
 * started one after another in one JVM, as tests do), it would keep reading a stopped bean, and a new
 * gauge of the same name would never be registered.
 */
@ApplicationScoped
public class ServiceGauges {

    private final MeterRegistry registry;
    private final List<Meter> registered = new CopyOnWriteArrayList<>();

    ServiceGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> void register(Gauge.Builder<T> gauge) {
        registered.add(gauge.register(registry));
    }

    @PreDestroy
    void removeAll() {
        registered.forEach(registry::remove);
        registered.clear();
    }
}
