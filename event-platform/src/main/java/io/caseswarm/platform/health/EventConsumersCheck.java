package io.caseswarm.platform.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.caseswarm.platform.inbox.StalledConsumers;

/**
 * Not ready while a consumer waits on a record it cannot apply yet: events are not being taken in, so
 * what the service shows is falling behind. The data names each record and the reason.
 */
@Readiness
@ApplicationScoped
public class EventConsumersCheck implements HealthCheck {

    private final StalledConsumers stalled;

    EventConsumersCheck(StalledConsumers stalled) {
        this.stalled = stalled;
    }

    @Override
    public HealthCheckResponse call() {
        var stalls = stalled.stalls();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event consumers").status(stalls.isEmpty());
        stalls.forEach(response::withData);
        return response.build();
    }
}
