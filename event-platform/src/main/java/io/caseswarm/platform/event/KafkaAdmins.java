package io.caseswarm.platform.event;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Admin clients for the platform's own look-ups (readiness, dead-letter depth): they answer quickly or not at all. */
public final class KafkaAdmins {

    private KafkaAdmins() {
    }

    /** Every call gives up after {@code timeoutMs}, so a broker that is away shows as a quick failure. */
    public static Admin quick(KafkaConnection connection, String clientId, int timeoutMs) {
        return Admin.create(connection.with(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, clientId,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs)));
    }
}
