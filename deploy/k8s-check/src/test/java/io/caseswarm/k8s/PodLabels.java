package io.caseswarm.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The labels of every pod the manifests lead to: the Deployments' templates, and the pods the operators
 * make for them (CloudNativePG labels its instances cnpg.io/cluster; Strimzi its Kafka nodes
 * strimzi.io/cluster, strimzi.io/kind and strimzi.io/pool-name), so that policies can be checked against them.
 */
final class PodLabels {

    private PodLabels() {
    }

    static List<Map<String, String>> of(Manifests manifests) {
        List<Map<String, String>> pods = new ArrayList<>();
        manifests.ofKind("Deployment").forEach(deployment -> pods.add(ManifestChecks.labels(deployment.at("/spec/template/metadata/labels"))));
        manifests.ofKind("Cluster").forEach(cluster -> pods.add(Map.of("cnpg.io/cluster", Manifests.nameOf(cluster),
                "cnpg.io/podRole", "instance")));
        manifests.ofKind("KafkaNodePool").forEach(pool -> pods.add(Map.of(
                "strimzi.io/cluster", pool.at("/metadata/labels/strimzi.io~1cluster").asString(""),
                "strimzi.io/kind", "Kafka", "strimzi.io/pool-name", Manifests.nameOf(pool))));
        return pods;
    }

    /** A NetworkPolicy podSelector: matchLabels and matchExpressions, all of which must hold. */
    static boolean selects(JsonNode selector, Map<String, String> pod) {
        for (var label : selector.path("matchLabels").properties()) {
            if (!label.getValue().asString("").equals(pod.get(label.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asString("");
            Set<String> values = new TreeSet<>();
            expression.path("values").forEach(value -> values.add(value.asString("")));
            boolean holds = switch (expression.path("operator").asString("")) {
                case "In" -> values.contains(pod.get(key));
                case "NotIn" -> !values.contains(pod.get(key));
                case "Exists" -> pod.containsKey(key);
                case "DoesNotExist" -> !pod.containsKey(key);
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** A Service selector (a plain map of labels) against a pod's labels. */
    static boolean matches(JsonNode selector, Map<String, String> pod) {
        if (selector.isEmpty()) {
            return false;
        }
        for (var label : selector.properties()) {
            if (!label.getValue().asString("").equals(pod.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
