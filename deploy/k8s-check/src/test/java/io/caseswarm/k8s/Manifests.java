package io.caseswarm.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The documents of one rendered overlay, as JSON trees; a copy can be broken on purpose by the tests. */
record Manifests(String source, List<ObjectNode> documents) {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    static Manifests parse(String source, String yaml) {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> read = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            read.forEachRemaining(document -> {
                if (document instanceof ObjectNode object) {
                    documents.add(object);
                }
            });
        }
        return new Manifests(source, List.copyOf(documents));
    }

    List<ObjectNode> ofKind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.path("kind").asString(""))).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(document -> name.equals(nameOf(document))).findFirst();
    }

    static String nameOf(JsonNode document) {
        return document.path("metadata").path("name").asString("");
    }

    static String describe(JsonNode document) {
        return document.path("kind").asString("?") + " " + nameOf(document);
    }

    /** A deep copy, for a test to break without touching the original. */
    Manifests copy() {
        return new Manifests(source + " (altered copy)", documents.stream().map(ObjectNode::deepCopy).toList());
    }
}
