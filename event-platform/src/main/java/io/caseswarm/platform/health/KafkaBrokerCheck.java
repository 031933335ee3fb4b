package io.caseswarm.platform.health;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.caseswarm.platform.event.KafkaAdmins;
import io.caseswarm.platform.event.KafkaConnection;

/**
 * Ready only while the broker answers: a service that cannot reach Kafka cannot publish its outbox or
 * take in other services' events, so it should not be sent traffic. (The database has its own check.)
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 3_000;

    private final KafkaConnection connection;
    private Admin admin;

    KafkaBrokerCheck(KafkaConnection connection) {
        this.connection = connection;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int brokers = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("Kafka broker").up()
                    .withData("bootstrap.servers", connection.bootstrapServers()).withData("brokers", brokers).build();
        } catch (ExecutionException | TimeoutException e) {
            return down(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        }
    }

    private HealthCheckResponse down(Throwable reason) {
        return HealthCheckResponse.named("Kafka broker").down()
                .withData("bootstrap.servers", connection.bootstrapServers())
                .withData("reason", reason.getClass().getSimpleName()).build();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = KafkaAdmins.quick(connection, "readiness-check", TIMEOUT_MS);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
