package io.caseswarm.experts.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** An event exactly as it appears on the topics, in CloudEvents structured mode ({@code type}, {@code data}, ...). */
public record DatasetEvent(int line, JsonNode cloudEvent) implements DatasetEntry {

    public String type() {
        return cloudEvent.path("type").asText();
    }

    public JsonNode data() {
        return cloudEvent.path("data");
    }
}
