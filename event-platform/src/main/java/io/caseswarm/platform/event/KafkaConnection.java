package io.caseswarm.platform.event;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.CommonClientConfigs;

import io.smallrye.common.annotation.Identifier;

/**
 * How the platform's own Kafka clients (the outbox relay's producer, the readiness and dead-letter admin
 * clients, redrives, topic replays) reach the broker: its address and, on a secured cluster, how they prove
 * who they are ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}). These are the same {@code kafka.*}
 * settings (or {@code KAFKA_*} variables) the messaging channels are given, so a cluster that asks for SCRAM or
 * mutual TLS gets it from every client of a service, not only from its channels.
 */
public record KafkaConnection(Map<String, Object> settings) {

    public KafkaConnection {
        if (!settings.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("A Kafka connection needs bootstrap.servers");
        }
        settings = Map.copyOf(settings);
    }

    /** A broker that asks no client who it is, as the local and test brokers. */
    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The connection settings among a service's Kafka configuration; the channels' other settings stay theirs. */
    public static KafkaConnection of(Map<String, Object> kafkaConfiguration) {
        Map<String, Object> connection = new TreeMap<>();
        kafkaConfiguration.forEach((name, value) -> {
            if (name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || name.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                    || name.startsWith("sasl.") || name.startsWith("ssl.")) {
                connection.put(name, value);
            }
        });
        return new KafkaConnection(connection);
    }

    public String bootstrapServers() {
        return settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    /** A client's settings: its own over the connection's. */
    public Map<String, Object> with(Map<String, Object> clientSettings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putAll(clientSettings);
        return all;
    }

    /** The service's connection, from the Kafka configuration Quarkus gathers for its channels. */
    @Singleton
    static class Producer {

        @Produces
        @Singleton
        KafkaConnection connection(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfiguration) {
            return of(kafkaConfiguration);
        }
    }
}
