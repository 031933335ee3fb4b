package io.caseswarm.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks on a rendered overlay. Each answers the problems it found, in words an operator would act on;
 * none means the overlay passes. The tests run them on the real overlays and on copies broken on purpose.
 */
final class ManifestChecks {

    static final String CONTAINER = "service";

    private ManifestChecks() {
    }

    /** Every setting each service requires in production is set as an environment variable of its container. */
    static List<String> requiredSettings(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (String service : ServiceConfiguration.SERVICES) {
            Map<String, JsonNode> env = environment(manifests, service);
            for (String setting : ServiceConfiguration.of(service).requiredInProduction()) {
                String variable = ServiceConfiguration.environmentName(setting);
                if (!env.containsKey(variable)) {
                    problems.add(service + " requires " + setting + " in production, but its Deployment does not set " + variable);
                }
            }
        }
        return problems;
    }

    /**
     * Every ConfigMap and Secret a Deployment reads exists, with the key it reads. Secrets the operators write
     * count as existing: CloudNativePG's <cluster>-app, Strimzi's <kafka>-cluster-ca-cert and one per KafkaUser.
     * No value points at the local machine.
     */
    static List<String> references(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> generatedSecrets = generatedSecrets(manifests);
        for (ObjectNode deployment : manifests.ofKind("Deployment")) {
            String who = Manifests.describe(deployment);
            JsonNode pod = deployment.at("/spec/template/spec");
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode entry : container.path("env")) {
                    String variable = entry.path("name").asString("");
                    JsonNode configMapRef = entry.at("/valueFrom/configMapKeyRef");
                    JsonNode secretRef = entry.at("/valueFrom/secretKeyRef");
                    if (configMapRef.isObject()) {
                        keyProblem(manifests, "ConfigMap", configMapRef, Set.of(), who + " " + variable).ifPresent(problems::add);
                        value(manifests, configMapRef).filter(ManifestChecks::isLocal)
                                .ifPresent(value -> problems.add(who + " " + variable + " points at this machine: " + value));
                    } else if (secretRef.isObject()) {
                        keyProblem(manifests, "Secret", secretRef, generatedSecrets, who + " " + variable).ifPresent(problems::add);
                    } else if (isLocal(entry.path("value").asString(""))) {
                        problems.add(who + " " + variable + " points at this machine: " + entry.path("value").asString(""));
                    }
                }
                for (JsonNode source : container.path("envFrom")) {
                    nameProblem(manifests, "ConfigMap", source.at("/configMapRef/name"), Set.of(), who).ifPresent(problems::add);
                    nameProblem(manifests, "Secret", source.at("/secretRef/name"), generatedSecrets, who).ifPresent(problems::add);
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                nameProblem(manifests, "ConfigMap", volume.at("/configMap/name"), Set.of(), who).ifPresent(problems::add);
                nameProblem(manifests, "Secret", volume.at("/secret/secretName"), generatedSecrets, who).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** Every topic a service consumes, publishes or dead-letters to is a KafkaTopic with the expected partitions. */
    static List<String> topics(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        int partitions = ServiceConfiguration.expectedPartitions();
        Set<String> needed = new TreeSet<>();
        ServiceConfiguration.SERVICES.forEach(service -> needed.addAll(ServiceConfiguration.of(service).topics()));
        for (String topic : needed) {
            Optional<ObjectNode> declared = manifests.ofKind("KafkaTopic").stream()
                    .filter(kafkaTopic -> topic.equals(kafkaTopic.at("/spec/topicName").asString(Manifests.nameOf(kafkaTopic))))
                    .findFirst();
            if (declared.isEmpty()) {
                problems.add("the services use topic " + topic + " but no KafkaTopic declares it");
            } else if (declared.get().at("/spec/partitions").asInt(-1) != partitions) {
                problems.add("KafkaTopic " + topic + " has " + declared.get().at("/spec/partitions").asInt(-1)
                        + " partitions; the services expect " + partitions);
            } else if (!declared.get().at("/spec/config").has("retention.ms")) {
                problems.add("KafkaTopic " + topic + " sets no retention.ms");
            }
        }
        return problems;
    }

    /**
     * Each service signs in to Kafka as its own KafkaUser, whose ACLs allow exactly what its code does: no
     * resource or operation missing (the service would fail), none extra (it would be allowed too much).
     */
    static List<String> kafkaUsers(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (String service : ServiceConfiguration.SERVICES) {
            Optional<ObjectNode> user = manifests.find("KafkaUser", service);
            if (user.isEmpty()) {
                problems.add(service + " has no KafkaUser " + service);
                continue;
            }
            Map<String, Set<String>> needed = ServiceConfiguration.of(service).neededAcls();
            Map<String, Set<String>> granted = grantedAcls(user.get());
            needed.forEach((resource, operations) -> {
                Set<String> missing = new TreeSet<>(operations);
                missing.removeAll(granted.getOrDefault(resource, Set.of()));
                if (!missing.isEmpty()) {
                    problems.add("KafkaUser " + service + " lacks " + missing + " on " + resource);
                }
            });
            granted.forEach((resource, operations) -> {
                Set<String> extra = new TreeSet<>(operations);
                extra.removeAll(needed.getOrDefault(resource, Set.of()));
                if (!extra.isEmpty()) {
                    problems.add("KafkaUser " + service + " is granted " + extra + " on " + resource + ", which "
                            + service + " does not need");
                }
            });
            JsonNode jaas = environment(manifests, service).getOrDefault("KAFKA_SASL_JAAS_CONFIG", ObjectNodeHolder.EMPTY);
            if (!service.equals(jaas.at("/valueFrom/secretKeyRef/name").asString(""))) {
                problems.add(service + " does not take KAFKA_SASL_JAAS_CONFIG from its KafkaUser's Secret " + service);
            }
        }
        return problems;
    }

    /** Every NetworkPolicy, and every pod peer it names in this namespace, selects pods that will exist. */
    static List<String> networkPolicies(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        List<Map<String, String>> pods = PodLabels.of(manifests);
        for (ObjectNode policy : manifests.ofKind("NetworkPolicy")) {
            String who = Manifests.describe(policy);
            if (pods.stream().noneMatch(pod -> PodLabels.selects(policy.at("/spec/podSelector"), pod))) {
                problems.add(who + " selects no pod");
            }
            for (String direction : List.of("ingress/from", "egress/to")) {
                String[] path = direction.split("/");
                for (JsonNode rule : policy.at("/spec/" + path[0])) {
                    for (JsonNode peer : rule.path(path[1])) {
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")
                                && pods.stream().noneMatch(pod -> PodLabels.selects(peer.path("podSelector"), pod))) {
                            problems.add(who + " lets in or out pods that do not exist: " + peer.path("podSelector"));
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Every Service selects a Deployment's pods and targets a port their container declares. */
    static List<String> services(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode service : manifests.ofKind("Service")) {
            String who = Manifests.describe(service);
            List<ObjectNode> selected = manifests.ofKind("Deployment").stream()
                    .filter(deployment -> PodLabels.matches(service.at("/spec/selector"), labels(deployment.at("/spec/template/metadata/labels"))))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(who + " selects no Deployment's pods");
            }
            for (ObjectNode deployment : selected) {
                for (JsonNode port : service.at("/spec/ports")) {
                    JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                    if (!declaresPort(deployment, target)) {
                        problems.add(who + " targets port " + target + " that " + Manifests.describe(deployment) + " does not declare");
                    }
                }
            }
        }
        return problems;
    }

    /** Startup, liveness and readiness probes exist, ask Quarkus' health endpoints, and on a declared port. */
    static List<String> probes(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        for (ObjectNode deployment : manifests.ofKind("Deployment")) {
            JsonNode container = container(deployment);
            expected.forEach((probe, path) -> {
                JsonNode httpGet = container.path(probe).path("httpGet");
                if (!path.equals(httpGet.path("path").asString(""))) {
                    problems.add(Manifests.describe(deployment) + " " + probe + " does not ask " + path);
                } else if (!declaresPort(deployment, httpGet.path("port"))) {
                    problems.add(Manifests.describe(deployment) + " " + probe + " asks port " + httpGet.path("port")
                            + ", which the container does not declare");
                }
            });
        }
        return problems;
    }

    /** Pods run as non-root on a read-only root with a writable /tmp, without capabilities or privilege escalation. */
    static List<String> podSecurity(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : manifests.ofKind("Deployment")) {
            String who = Manifests.describe(deployment);
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = container(deployment);
            JsonNode security = container.path("securityContext");
            Map<String, Boolean> rules = new LinkedHashMap<>();
            rules.put("runAsNonRoot", pod.at("/securityContext/runAsNonRoot").asBoolean(false)
                    || security.path("runAsNonRoot").asBoolean(false));
            rules.put("seccompProfile RuntimeDefault", "RuntimeDefault".equals(pod.at("/securityContext/seccompProfile/type").asString("")));
            rules.put("readOnlyRootFilesystem", security.path("readOnlyRootFilesystem").asBoolean(false));
            rules.put("allowPrivilegeEscalation false", security.has("allowPrivilegeEscalation")
                    && !security.path("allowPrivilegeEscalation").asBoolean(true));
            rules.put("capabilities drop ALL", security.at("/capabilities/drop").toString().contains("\"ALL\""));
            rules.put("an emptyDir on /tmp", hasEmptyDirTmp(pod, container));
            rules.put("automountServiceAccountToken false", !pod.path("automountServiceAccountToken").asBoolean(true));
            rules.put("its own ServiceAccount", manifests.find("ServiceAccount", pod.path("serviceAccountName").asString("")).isPresent());
            rules.put("podAntiAffinity", pod.at("/affinity/podAntiAffinity").isObject());
            rules.put("topologySpreadConstraints", pod.path("topologySpreadConstraints").size() > 0);
            rules.forEach((rule, kept) -> {
                if (!kept) {
                    problems.add(who + " lacks " + rule);
                }
            });
        }
        return problems;
    }

    /** Every alert links its runbook: an anchor of docs/operations.md that exists. */
    static List<String> runbooks(Manifests manifests, String operationsDoc) {
        List<String> problems = new ArrayList<>();
        Set<String> anchors = Runbooks.anchors(operationsDoc);
        for (ObjectNode rules : manifests.ofKind("PrometheusRule")) {
            for (JsonNode group : rules.at("/spec/groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (!rule.has("alert")) {
                        continue;
                    }
                    String alert = rule.path("alert").asString("");
                    String url = rule.at("/annotations/runbook_url").asString("");
                    Matcher anchor = Pattern.compile("docs/operations\\.md#([a-z0-9-]+)$").matcher(url);
                    if (!anchor.find()) {
                        problems.add("alert " + alert + " has no runbook_url into docs/operations.md: '" + url + "'");
                    } else if (!anchors.contains(anchor.group(1))) {
                        problems.add("alert " + alert + " links #" + anchor.group(1) + ", which docs/operations.md has no heading for");
                    }
                }
            }
        }
        return problems;
    }

    // --- helpers ---

    /** The service container's environment by variable name. */
    static Map<String, JsonNode> environment(Manifests manifests, String service) {
        Map<String, JsonNode> env = new HashMap<>();
        manifests.find("Deployment", service).map(ManifestChecks::container)
                .ifPresent(container -> container.path("env").forEach(entry -> env.put(entry.path("name").asString(""), entry)));
        return env;
    }

    static JsonNode container(JsonNode deployment) {
        for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
            if (CONTAINER.equals(container.path("name").asString(""))) {
                return container;
            }
        }
        return ObjectNodeHolder.EMPTY;
    }

    private static Set<String> generatedSecrets(Manifests manifests) {
        Set<String> secrets = new TreeSet<>();
        manifests.ofKind("Cluster").forEach(cluster -> secrets.add(Manifests.nameOf(cluster) + "-app"));
        manifests.ofKind("Kafka").forEach(kafka -> secrets.add(Manifests.nameOf(kafka) + "-cluster-ca-cert"));
        manifests.ofKind("KafkaUser").forEach(user -> secrets.add(Manifests.nameOf(user)));
        return secrets;
    }

    private static Optional<String> keyProblem(Manifests manifests, String kind, JsonNode ref, Set<String> generated, String who) {
        String name = ref.path("name").asString("");
        String key = ref.path("key").asString("");
        if (generated.contains(name)) {
            return Optional.empty();
        }
        Optional<ObjectNode> found = manifests.find(kind, name);
        if (found.isEmpty()) {
            return Optional.of(who + " reads " + kind + " " + name + ", which is not in the manifests");
        }
        if (!found.get().path("data").has(key) && !found.get().path("stringData").has(key)) {
            return Optional.of(who + " reads key " + key + " of " + kind + " " + name + ", which has no such key");
        }
        return Optional.empty();
    }

    private static Optional<String> nameProblem(Manifests manifests, String kind, JsonNode name, Set<String> generated, String who) {
        if (name.isMissingNode() || generated.contains(name.asString(""))
                || manifests.find(kind, name.asString("")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(who + " uses " + kind + " " + name.asString("") + ", which is not in the manifests");
    }

    private static Optional<String> value(Manifests manifests, JsonNode ref) {
        return manifests.find("ConfigMap", ref.path("name").asString(""))
                .map(configMap -> configMap.path("data").path(ref.path("key").asString("")).asString(""));
    }

    private static boolean isLocal(String value) {
        return value.contains("127.0.0.1") || value.contains("localhost");
    }

    private static Map<String, Set<String>> grantedAcls(JsonNode user) {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            String resource = acl.at("/resource/type").asString("") + ":" + acl.at("/resource/name").asString("");
            if (!"literal".equals(acl.at("/resource/patternType").asString("literal"))) {
                resource += " (" + acl.at("/resource/patternType").asString("") + ")";
            }
            Set<String> operations = granted.computeIfAbsent(resource, key -> new TreeSet<>());
            acl.path("operations").forEach(operation -> operations.add(operation.asString("")));
        }
        return granted;
    }

    private static boolean declaresPort(JsonNode deployment, JsonNode port) {
        for (JsonNode declared : container(deployment).path("ports")) {
            if (port.isNumber() ? declared.path("containerPort").asInt(-1) == port.asInt()
                    : port.asString("").equals(declared.path("name").asString(null))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasEmptyDirTmp(JsonNode pod, JsonNode container) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asString(""))) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").equals(mount.path("name")) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new TreeMap<>();
        labels.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString("")));
        return map;
    }

    /** An empty node to read from when something is missing, so that paths answer "missing" instead of failing. */
    private static final class ObjectNodeHolder {
        static final JsonNode EMPTY = Manifests.YAML.createObjectNode();
    }
}
