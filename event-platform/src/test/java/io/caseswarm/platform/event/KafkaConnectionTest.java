package io.caseswarm.platform.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    /** A service's Kafka configuration on a cluster that asks for SCRAM over TLS, as Quarkus gathers it. */
    private static final Map<String, Object> SECURED = Map.of(
            "bootstrap.servers", "caseswarm-kafka-bootstrap:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"case-service\" password=\"s3cret\";",
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/kafka-ca/ca.crt",
            "auto.offset.reset", "earliest",
            "group.id", "case-service");

    @Test
    void everyPlatformClientProvesWhoItIsAsTheChannelsDo() {
        Map<String, Object> producer = KafkaConnection.of(SECURED).with(Map.of("client.id", "outbox-relay", "acks", "all"));

        assertThat(producer).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", SECURED.get("sasl.jaas.config"))
                .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.crt")
                .containsEntry("bootstrap.servers", "caseswarm-kafka-bootstrap:9093")
                .containsEntry("client.id", "outbox-relay").containsEntry("acks", "all");
    }

    @Test
    void theChannelsOwnSettingsStayTheirs() {
        // A redrive or a replay must not join the service's consumer group, nor start where the channels do.
        assertThat(KafkaConnection.of(SECURED).settings()).doesNotContainKeys("group.id", "auto.offset.reset");
    }

    @Test
    void aClientsOwnSettingWins() {
        assertThat(KafkaConnection.of(SECURED).with(Map.of("security.protocol", "SSL"))).containsEntry("security.protocol", "SSL");
    }

    @Test
    void aLocalBrokerNeedsOnlyItsAddress() {
        assertThat(KafkaConnection.to("127.0.0.1:9092").with(Map.of())).isEqualTo(Map.of("bootstrap.servers", "127.0.0.1:9092"));
    }

    @Test
    void aConnectionWithoutAnAddressIsRefused() {
        assertThatThrownBy(() -> KafkaConnection.of(Map.of("security.protocol", "SSL")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
    }
}
