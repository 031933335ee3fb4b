package io.caseswarm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.caseswarm.auth.LocalIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real parts a service needs under test: a Kafka broker, a fresh PostgreSQL database and a token
 * issuer whose public key the service verifies tokens with, as it would a real identity provider's.
 * Tests get {@link KafkaBroker}, {@link TestDatabase}, {@link EventSender} and {@link LocalIssuer}
 * fields injected.
 * Use it as {@code @WithTestResource(RealInfrastructure.class)}.
 *
 * <p>The broker is a child process on free ports, unless {@code KAFKA_BOOTSTRAP_SERVERS} names a
 * running one. Arguments: {@code extra-topics} (comma-separated topics to create besides
 * Caseswarm's), {@code own-broker=true} (always start a child broker, for tests that restart it) and
 * {@code database-proxy=true} (reach the database through a {@link TcpProxy} the test can cut).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private List<String> extraTopics = List.of();
    private boolean ownBroker;
    private boolean databaseProxy;
    private TcpProxy proxy;
    private KafkaBroker broker;
    private TestDatabase database;
    private EventSender events;
    private LocalIssuer issuer;
    private Path keys;

    @Override
    public void init(Map<String, String> initArgs) {
        String topics = initArgs.getOrDefault("extra-topics", "");
        extraTopics = topics.isBlank() ? List.of() : Arrays.asList(topics.split(","));
        ownBroker = Boolean.parseBoolean(initArgs.getOrDefault("own-broker", "false"));
        databaseProxy = Boolean.parseBoolean(initArgs.getOrDefault("database-proxy", "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank() && !ownBroker && extraTopics.isEmpty()) {
            config.put("kafka.bootstrap.servers", external);
        } else {
            broker = KafkaBroker.start(extraTopics);
            config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        }
        database = TestDatabase.create("caseswarm_test");
        if (databaseProxy) {
            proxy = database.proxy();
            config.putAll(database.quarkusConfigVia(proxy));
        } else {
            config.putAll(database.quarkusConfig());
        }
        events = new EventSender(config.get("kafka.bootstrap.servers"));
        config.putAll(tokenVerification());
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(broker, new TestInjector.MatchesType(KafkaBroker.class));
        injector.injectIntoFields(database, new TestInjector.MatchesType(TestDatabase.class));
        injector.injectIntoFields(events, new TestInjector.MatchesType(EventSender.class));
        injector.injectIntoFields(issuer, new TestInjector.MatchesType(LocalIssuer.class));
        injector.injectIntoFields(proxy, new TestInjector.MatchesType(TcpProxy.class));
    }

    @Override
    public void stop() {
        if (events != null) {
            events.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
        if (keys != null) {
            deleteKeys();
        }
    }

    private Map<String, String> tokenVerification() {
        try {
            keys = Files.createTempDirectory("caseswarm-test-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = LocalIssuer.inDirectory(keys);
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.resolve(LocalIssuer.PUBLIC_KEY_FILE).toUri().toString(),
                "mp.jwt.verify.issuer", LocalIssuer.ISSUER);
    }

    private void deleteKeys() {
        try (var files = Files.list(keys)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
