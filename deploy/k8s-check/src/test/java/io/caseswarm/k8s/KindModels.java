package io.caseswarm.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads each rendered document into the Java model of its kind (fabric8's Kubernetes and Prometheus
 * Operator models, Strimzi's api), or validates it against a vendored CRD schema where no model exists.
 * A kind with neither is itself a problem: it would go unchecked.
 */
final class KindModels {

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule",
                    io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

    private static final Map<String, CrdSchema> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", CrdSchema.load("crds/postgresql.cnpg.io_clusters.v1.yaml"),
            "postgresql.cnpg.io/v1/ScheduledBackup", CrdSchema.load("crds/postgresql.cnpg.io_scheduledbackups.v1.yaml"));

    // Fields a model class has no property for fail outright; the models' catch-all maps are searched after.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private KindModels() {
    }

    static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode document : manifests.documents()) {
            String type = document.path("apiVersion").asString("") + "/" + document.path("kind").asString("");
            String what = Manifests.describe(document) + " (" + type + ")";
            Class<?> model = MODELS.get(type);
            CrdSchema schema = SCHEMAS.get(type);
            if (model != null) {
                try {
                    Object read = MAPPER.treeToValue(document, model);
                    UnknownFields.in(read).forEach(field -> problems.add(what + ": unknown field " + field));
                } catch (RuntimeException e) {
                    problems.add(what + ": does not fit its model: " + e.getMessage());
                }
            } else if (schema != null) {
                schema.validate(document).forEach(error -> problems.add(what + ": " + error));
            } else {
                problems.add(what + ": no Java model or CRD schema to check it against");
            }
        }
        return problems;
    }
}
