package io.caseswarm.kafka;

import java.util.List;
import java.util.stream.Stream;

/** The topics Caseswarm publishes on: one per aggregate type, each with its dead-letter topic. */
public final class CaseswarmTopics {

    public static final List<String> EVENT_TOPICS = List.of(
            "case-events", "swarm-events", "expert-events", "knowledge-events", "notification-events");

    public static final String DEAD_LETTER_SUFFIX = "-dlq";

    public static final List<String> ALL = EVENT_TOPICS.stream()
            .flatMap(topic -> Stream.of(topic, topic + DEAD_LETTER_SUFFIX))
            .toList();

    private CaseswarmTopics() {
    }
}
