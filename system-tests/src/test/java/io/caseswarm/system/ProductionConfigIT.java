package io.caseswarm.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.caseswarm.testing.FreePorts;
import io.caseswarm.testing.TestDatabase;

/**
 * A packaged service runs in the prod profile, which has no local addresses: started without a
 * setting it needs, it refuses to start and names the setting, instead of reaching for localhost.
 * One service is enough: the rule and the check are the platform's, the same in every service.
 */
class ProductionConfigIT {

    private static final String SERVICE = "case-service";
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);

    private final Path root = Path.of(System.getProperty("caseswarm.root", "..")).toAbsolutePath().normalize();

    @Test
    void withoutADatabaseUrlTheServiceRefusesToStartAndNamesIt() {
        ServiceProcess service = ServiceProcess.startWithOnly(root, SERVICE, FreePorts.next(), Map.of());
        try (service) {
            assertThat(service.awaitExit(EXIT_TIMEOUT)).as("exit code").isNotZero();
            assertThat(service.log()).contains("quarkus.datasource.jdbc.url");
        }
    }

    @Test
    void withTheDatabaseButNoTokenIssuerTheServiceNamesEverySettingStillMissing() {
        try (TestDatabase database = TestDatabase.create("prod_config")) {
            Map<String, String> config = new HashMap<>(database.quarkusConfig());
            // Nothing listens there; the service must stop before it ever needs the broker.
            config.put("kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.next());
            ServiceProcess service = ServiceProcess.startWithOnly(root, SERVICE, FreePorts.next(), config);
            try (service) {
                assertThat(service.awaitExit(EXIT_TIMEOUT)).as("exit code").isNotZero();
                assertThat(service.log())
                        .contains("Missing required settings for production: mp.jwt.verify.issuer, mp.jwt.verify.publickey.location")
                        .contains("MP_JWT_VERIFY_ISSUER")
                        .doesNotContain("127.0.0.1:9092");
            }
        }
    }
}
