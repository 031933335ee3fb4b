package io.caseswarm.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CRD's openAPIV3Schema (vendored under crds/), made to reject what the API server would silently prune:
 * a field that a schema with properties does not declare.
 */
final class CrdSchema {

    private final Schema schema;

    private CrdSchema(Schema schema) {
        this.schema = schema;
    }

    static CrdSchema load(String resource) {
        try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No vendored schema " + resource);
            }
            JsonNode openApi = Manifests.YAML.readTree(in);
            closeUnknownFields(openApi);
            // OpenAPI v3 schemas are draft 4 JSON Schema plus keywords (x-kubernetes-*, nullable) a validator ignores.
            return new CrdSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(openApi));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> validate(JsonNode document) {
        return schema.validate(document).stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /** additionalProperties: false wherever properties are listed and nothing says unknown fields are kept. */
    static void closeUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.set("additionalProperties", BooleanNode.FALSE);
            }
        }
        node.values().forEach(CrdSchema::closeUnknownFields);
    }
}
