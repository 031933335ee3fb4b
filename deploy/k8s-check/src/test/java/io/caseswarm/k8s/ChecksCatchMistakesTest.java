package io.caseswarm.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The checks report what an operator would get wrong: each test breaks a copy of the prod render once. */
class ChecksCatchMistakesTest {

    private final Manifests broken = Overlays.rendered("prod").copy();

    @Test
    void aRequiredSettingRemovedFromADeployment() {
        removeEnv("notification-service", "CASESWARM_SMTP_HOST");

        assertThat(ManifestChecks.requiredSettings(broken)).containsExactly(
                "notification-service requires caseswarm.smtp.host in production, but its Deployment does not set CASESWARM_SMTP_HOST");
    }

    @Test
    void aMisspeltFieldInAKubernetesObject() {
        ((ObjectNode) ManifestChecks.container(deployment("case-service")).path("readinessProbe")).put("periodSecond", 5);

        assertThat(KindModels.problems(broken)).singleElement().asString()
                .contains("Deployment case-service").contains("unknown field")
                .contains("spec.template.spec.containers[0].readinessProbe.periodSecond");
    }

    @Test
    void aMisspeltFieldInAStrimziResource() {
        ((ObjectNode) broken.find("KafkaTopic", "case-events").orElseThrow().path("spec")).put("partition", 12);

        assertThat(KindModels.problems(broken)).singleElement().asString()
                .contains("KafkaTopic case-events").contains("unknown field spec.partition");
    }

    @Test
    void aMisspeltFieldInACloudNativePgCluster() {
        ((ObjectNode) broken.find("Cluster", "case-service-db").orElseThrow().at("/spec/backup/barmanObjectStore")).put("endpointUrl", "x");

        assertThat(KindModels.problems(broken)).singleElement().asString()
                .contains("Cluster case-service-db").contains("endpointUrl");
    }

    @Test
    void aScheduledBackupWithoutItsSchedule() {
        ((ObjectNode) broken.find("ScheduledBackup", "knowledge-service-db-nightly").orElseThrow().path("spec")).remove("schedule");

        assertThat(KindModels.problems(broken)).singleElement().asString()
                .contains("ScheduledBackup knowledge-service-db-nightly").contains("schedule");
    }

    @Test
    void aKafkaUserMissingAnAcl() {
        ArrayNode acls = (ArrayNode) broken.find("KafkaUser", "knowledge-service").orElseThrow().at("/spec/authorization/acls");
        removeWhere(acls, acl -> acl.at("/resource/name").asString("").equals("case-events-dlq"));

        assertThat(ManifestChecks.kafkaUsers(broken)).containsExactly(
                "KafkaUser knowledge-service lacks [Read, Write] on topic:case-events-dlq");
    }

    @Test
    void aKafkaUserAllowedMoreThanItsServiceDoes() {
        ArrayNode acls = (ArrayNode) broken.find("KafkaUser", "knowledge-service").orElseThrow().at("/spec/authorization/acls");
        ObjectNode extra = acls.addObject();
        extra.putObject("resource").put("type", "topic").put("name", "swarm-events").put("patternType", "literal");
        extra.putArray("operations").add("Read");

        assertThat(ManifestChecks.kafkaUsers(broken)).containsExactly(
                "KafkaUser knowledge-service is granted [Read] on topic:swarm-events, which knowledge-service does not need");
    }

    @Test
    void aTopicTheCodeUsesMissingOrWithOtherPartitions() {
        List<ObjectNode> documents = new java.util.ArrayList<>(broken.documents());
        documents.removeIf(document -> Manifests.describe(document).equals("KafkaTopic expert-events-dlq"));
        ((ObjectNode) broken.find("KafkaTopic", "case-events").orElseThrow().path("spec")).put("partitions", 3);
        Manifests withoutTopic = new Manifests(broken.source(), documents);

        assertThat(ManifestChecks.topics(withoutTopic)).containsExactlyInAnyOrder(
                "KafkaTopic case-events has 3 partitions; the services expect 6",
                "the services use topic expert-events-dlq but no KafkaTopic declares it");
    }

    @Test
    void aSecretReadThatIsNotThere() {
        JsonNode entry = env("swarm-service", "CASESWARM_SLACK_BOT_TOKEN");
        ((ObjectNode) entry.at("/valueFrom/secretKeyRef")).put("name", "caseswarm-slack-app");

        assertThat(ManifestChecks.references(broken)).containsExactly(
                "Deployment swarm-service CASESWARM_SLACK_BOT_TOKEN reads Secret caseswarm-slack-app, which is not in the manifests");
    }

    @Test
    void aNetworkPolicyForPodsThatDoNotExist() {
        ObjectNode policy = broken.find("NetworkPolicy", "knowledge-service-egress-database").orElseThrow();
        ((ObjectNode) policy.at("/spec/podSelector/matchLabels")).put("app.kubernetes.io/name", "knowledge");

        assertThat(ManifestChecks.networkPolicies(broken)).containsExactly("NetworkPolicy knowledge-service-egress-database selects no pod");
    }

    @Test
    void aServiceOrProbeOnAPortThePodDoesNotDeclare() {
        ((ObjectNode) broken.find("Service", "case-service").orElseThrow().at("/spec/ports/0")).put("targetPort", "web");
        ((ObjectNode) ManifestChecks.container(deployment("knowledge-service")).at("/livenessProbe/httpGet")).put("port", 8081);

        assertThat(ManifestChecks.services(broken)).containsExactly(
                "Service case-service targets port \"web\" that Deployment case-service does not declare");
        assertThat(ManifestChecks.probes(broken)).containsExactly(
                "Deployment knowledge-service livenessProbe asks port 8081, which the container does not declare");
    }

    @Test
    void aContainerThatMayWriteItsRootFileSystem() {
        ((ObjectNode) ManifestChecks.container(deployment("expert-finder-service")).path("securityContext")).put("readOnlyRootFilesystem", false);

        assertThat(ManifestChecks.podSecurity(broken)).containsExactly("Deployment expert-finder-service lacks readOnlyRootFilesystem");
    }

    @Test
    void anAlertWhoseRunbookIsNotWritten() {
        String doc = Repository.read(Repository.OPERATIONS_DOC).replace("### CaseswarmDeadLetters", "### Dead letters");

        assertThat(ManifestChecks.runbooks(broken, doc)).containsExactly(
                "alert CaseswarmDeadLetters links #caseswarmdeadletters, which docs/operations.md has no heading for");
    }

    @Test
    void withoutKubectlTheCheckFailsAndSaysWhatToInstall() {
        assertThatThrownBy(() -> Kustomize.render(Repository.OVERLAYS.resolve("no-such-overlay")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("kubectl kustomize");
        assertThat(Kustomize.kubectl()).isExecutable();
    }

    private ObjectNode deployment(String name) {
        return broken.find("Deployment", name).orElseThrow();
    }

    private JsonNode env(String service, String variable) {
        for (JsonNode entry : ManifestChecks.container(deployment(service)).path("env")) {
            if (entry.path("name").asString("").equals(variable)) {
                return entry;
            }
        }
        throw new AssertionError(service + " has no " + variable);
    }

    private void removeEnv(String service, String variable) {
        removeWhere((ArrayNode) ManifestChecks.container(deployment(service)).path("env"),
                entry -> entry.path("name").asString("").equals(variable));
    }

    private static void removeWhere(ArrayNode array, java.util.function.Predicate<JsonNode> condition) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (condition.test(array.get(i))) {
                array.remove(i);
            }
        }
    }

}
