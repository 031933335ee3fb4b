package io.caseswarm.notifications.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The time of the leads' backlog digest is read as the service reads it at start: unset it is 09:00, a time
 * of day is taken, and anything else stops the service from starting instead of digesting at a wrong time.
 */
class BacklogDigestSettingTest {

    private static final String AT = "caseswarm.notifications.backlog-digest.at";

    @Test
    void unsetTheDigestGoesOutAtNine() {
        assertThat(configWith(Map.of()).backlogDigest().at()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void aTimeOfDayIsTaken() {
        assertThat(configWith(Map.of(AT, "07:30")).backlogDigest().at()).isEqualTo(LocalTime.of(7, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = { "25:00", "9am", "09:60", "tomorrow", "09:00;drop table swarm_info", "-01:00" })
    void anythingElseRefusesToStart(String hostile) {
        assertThatThrownBy(() -> configWith(Map.of(AT, hostile))).hasMessageContaining(AT);
    }

    private static NotificationsConfig configWith(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(NotificationsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(NotificationsConfig.class);
    }
}
