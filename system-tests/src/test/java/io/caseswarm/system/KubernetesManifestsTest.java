package io.caseswarm.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The Kubernetes manifests give each service every setting it requires in production. What a service
 * requires is read from its configuration, not kept here: a setting with a value for local runs only
 * ({@code %dev.} in the platform defaults or the service's application.properties, and no value for
 * production) has none in a cluster, and the service refuses to start without it (the platform's
 * RequiredSettings). The manifests are read as kustomize combines them: each service's Deployment
 * with the service-defaults.yaml patch, its environment variables merged by name.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = RunningSystem.SERVICES;

    private static final Path ROOT = Path.of(System.getProperty("caseswarm.root", "..")).toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Path PLATFORM_DEFAULTS =
            ROOT.resolve("event-platform/src/main/resources/META-INF/microprofile-config.properties");
    private static final String LOCAL_ONLY = "%dev.";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everySettingTheServiceRequiresInProductionIsSet(String service) {
        Set<String> required = requiredInProduction(service);
        // The derivation itself: if it found nothing, the test would pass for the wrong reason.
        assertThat(required).as("settings %s requires in production", service)
                .contains("quarkus.datasource.jdbc.url", "kafka.bootstrap.servers", "mp.jwt.verify.publickey.location");

        Map<String, JsonNode> env = environment(service);
        List<String> missing = required.stream().filter(name -> !env.containsKey(environmentName(name))).toList();
        assertThat(missing).as("settings %s requires in production but deploy/k8s does not set (as %s)", service,
                missing.stream().map(KubernetesManifestsTest::environmentName).toList()).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyValueComesFromTheManifestsAndNoneIsLocal(String service) {
        Map<String, JsonNode> configMaps = resourcesOfKind("ConfigMap");
        Set<String> secrets = new TreeSet<>(resourcesOfKind("Secret").keySet());
        // CloudNativePG writes <cluster>-app for every Cluster (postgres.yaml).
        resourcesOfKind("Cluster").keySet().forEach(cluster -> secrets.add(cluster + "-app"));

        environment(service).forEach((variable, entry) -> {
            String value;
            if (entry.has("value")) {
                value = entry.get("value").asText();
            } else if (entry.at("/valueFrom/configMapKeyRef").isObject()) {
                JsonNode ref = entry.at("/valueFrom/configMapKeyRef");
                JsonNode configMap = configMaps.get(ref.path("name").asText());
                assertThat(configMap).as("%s of %s: ConfigMap %s", variable, service, ref.path("name").asText()).isNotNull();
                assertThat(configMap.path("data").has(ref.path("key").asText()))
                        .as("%s of %s: key %s in ConfigMap %s", variable, service, ref.path("key").asText(),
                                ref.path("name").asText()).isTrue();
                value = configMap.path("data").path(ref.path("key").asText()).asText();
            } else {
                JsonNode ref = entry.at("/valueFrom/secretKeyRef");
                assertThat(ref.isObject()).as("%s of %s has a value, a ConfigMap or a Secret", variable, service).isTrue();
                assertThat(secrets).as("%s of %s: Secret", variable, service).contains(ref.path("name").asText());
                return;
            }
            assertThat(value).as("%s of %s", variable, service).isNotBlank()
                    .doesNotContain("127.0.0.1").doesNotContain("localhost");
        });
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void databaseCredentialsComeFromSecrets(String service) {
        Map<String, JsonNode> env = environment(service);
        for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertThat(env.get(variable)).as("%s of %s", variable, service).isNotNull();
            assertThat(env.get(variable).at("/valueFrom/secretKeyRef").isObject()).as("%s of %s from a Secret", variable,
                    service).isTrue();
        }
    }

    @Test
    void kustomizeAppliesEveryManifest() {
        JsonNode kustomization = read(K8S.resolve("kustomization.yaml")).getFirst();
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> resources.add(resource.asText()));
        assertThat(resources).contains("config.yaml");
        SERVICES.forEach(service -> assertThat(resources).contains(service + ".yaml"));
    }

    /** Settings with a value for local runs only and no value for production, from the configuration files. */
    static Set<String> requiredInProduction(String service) {
        Properties all = new Properties();
        all.putAll(load(PLATFORM_DEFAULTS));
        all.putAll(load(ROOT.resolve(service).resolve("src/main/resources/application.properties")));
        Set<String> required = new TreeSet<>();
        for (String key : all.stringPropertyNames()) {
            if (key.startsWith(LOCAL_ONLY)) {
                String name = key.substring(LOCAL_ONLY.length());
                if (!all.containsKey(name) && !all.containsKey("%prod." + name)) {
                    required.add(name);
                }
            }
        }
        return required;
    }

    /** The container's environment variables by name, as kustomize makes them: the Deployment's over the defaults. */
    static Map<String, JsonNode> environment(String service) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        JsonNode defaults = container(read(K8S.resolve("service-defaults.yaml")).getFirst());
        defaults.path("env").forEach(entry -> env.put(entry.path("name").asText(), entry));
        JsonNode deployment = read(K8S.resolve(service + ".yaml")).stream()
                .filter(document -> document.path("kind").asText().equals("Deployment")).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment in deploy/k8s/" + service + ".yaml"));
        container(deployment).path("env").forEach(entry -> env.put(entry.path("name").asText(), entry));
        return env;
    }

    private static JsonNode container(JsonNode deployment) {
        for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
            if (container.path("name").asText().equals("service")) {
                return container;
            }
        }
        return MissingNode.getInstance();
    }

    /** Resources of a kind across all manifests, by name. */
    private static Map<String, JsonNode> resourcesOfKind(String kind) {
        Map<String, JsonNode> found = new HashMap<>();
        try (var files = Files.list(K8S)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                read(file).stream().filter(document -> document.path("kind").asText().equals(kind))
                        .forEach(document -> found.put(document.at("/metadata/name").asText(), document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<JsonNode> read(Path file) {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return properties;
    }

    /** The environment variable MicroProfile Config reads for a property: kafka.bootstrap.servers -> KAFKA_BOOTSTRAP_SERVERS. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
