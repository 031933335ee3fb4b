package io.caseswarm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each overlay, as kubectl kustomize renders it, passes every check. */
class OverlaysTest {

    static final java.util.List<String> OVERLAYS = Overlays.NAMES;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDocumentFitsTheModelOrSchemaOfItsKindWithNoUnknownField(String overlay) {
        assertThat(KindModels.problems(Overlays.rendered(overlay))).as("overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everySettingEachServiceRequiresInProductionIsSet(String overlay) {
        assertThat(ManifestChecks.requiredSettings(Overlays.rendered(overlay))).as("overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyConfigMapAndSecretReadExistsWithItsKey(String overlay) {
        assertThat(ManifestChecks.references(Overlays.rendered(overlay))).as("overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicTheServicesUseIsDeclaredWithItsPartitions(String overlay) {
        assertThat(ManifestChecks.topics(Overlays.rendered(overlay))).as("overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasAKafkaUserWithExactlyTheAclsItsCodeNeeds(String overlay) {
        assertThat(ManifestChecks.kafkaUsers(Overlays.rendered(overlay))).as("overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void networkPoliciesServicesAndProbesPointAtRealPodsAndPorts(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        assertThat(ManifestChecks.networkPolicies(manifests)).as("NetworkPolicies of %s", overlay).isEmpty();
        assertThat(ManifestChecks.services(manifests)).as("Services of %s", overlay).isEmpty();
        assertThat(ManifestChecks.probes(manifests)).as("probes of %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsRunRestricted(String overlay) {
        assertThat(ManifestChecks.podSecurity(Overlays.rendered(overlay))).as("overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyAlertLinksARunbookThatExists(String overlay) {
        assertThat(ManifestChecks.runbooks(Overlays.rendered(overlay), Repository.read(Repository.OPERATIONS_DOC)))
                .as("overlay %s", overlay).isEmpty();
    }

    @Test
    void theOverlaysDifferWhereTheyShould() {
        Manifests dev = Overlays.rendered("dev");
        Manifests prod = Overlays.rendered("prod");
        assertThat(dev.ofKind("Cluster")).hasSize(5).allSatisfy(cluster -> assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(1));
        assertThat(prod.ofKind("Cluster")).hasSize(5).allSatisfy(cluster -> assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3));
        assertThat(prod.find("Ingress", "swarm-service").orElseThrow().at("/spec/tls").size()).isEqualTo(1);
        assertThat(dev.find("Ingress", "swarm-service").orElseThrow().has("tls")).isFalse();
        for (Manifests manifests : java.util.List.of(dev, prod)) {
            assertThat(manifests.documents()).allSatisfy(document -> {
                if (!document.path("kind").asString("").equals("Namespace")) {
                    assertThat(document.at("/metadata/namespace").asString("")).isEqualTo("caseswarm");
                }
                assertThat(document.at("/metadata/labels/app.kubernetes.io~1part-of").asString("")).isEqualTo("caseswarm");
            });
            Set<String> paths = new java.util.TreeSet<>();
            manifests.find("Ingress", "swarm-service").orElseThrow().at("/spec/rules/0/http/paths")
                    .forEach(path -> paths.add(path.path("path").asString("")));
            assertThat(paths).as("only swarm-service's links and Slack's calls are exposed").containsExactly("/actions", "/slack");
            ServiceConfiguration.SERVICES.forEach(service -> assertThat(ManifestChecks.container(manifests.find("Deployment", service).orElseThrow())
                    .path("image").asString("")).isEqualTo("caseswarm/" + service + ":0.1.0"));
        }
    }
}
