package io.caseswarm.platform.event;

/** One topic per aggregate type, so that every event of one aggregate is read in order. */
public final class EventTopics {

    public static final String DEAD_LETTER_SUFFIX = "-dlq";

    private EventTopics() {
    }

    /** {@code case} → {@code case-events}. */
    public static String forStreamType(String streamType) {
        return streamType + "-events";
    }

    public static String deadLetterFor(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
