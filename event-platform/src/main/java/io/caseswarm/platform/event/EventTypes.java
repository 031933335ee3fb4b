package io.caseswarm.platform.event;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The event types of one aggregate: the records permitted by its sealed event interface, looked up
 * by their {@link EventType} names. Decodes stored or received payloads back into those records.
 */
public final class EventTypes<E> {

    private final Class<E> root;
    private final Map<String, Class<? extends E>> byName;

    private EventTypes(Class<E> root, Map<String, Class<? extends E>> byName) {
        this.root = root;
        this.byName = byName;
    }

    /** Collects every record permitted (directly or through sealed sub-interfaces) by {@code sealedRoot}. */
    public static <E> EventTypes<E> of(Class<E> sealedRoot) {
        if (!sealedRoot.isSealed()) {
            throw new IllegalArgumentException(sealedRoot.getName() + " must be a sealed interface of event records");
        }
        Map<String, Class<? extends E>> byName = new LinkedHashMap<>();
        collect(sealedRoot, sealedRoot, byName);
        return new EventTypes<>(sealedRoot, Map.copyOf(byName));
    }

    private static <E> void collect(Class<E> root, Class<?> type, Map<String, Class<? extends E>> byName) {
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                collect(root, permitted, byName);
                continue;
            }
            String name = nameOf(permitted);
            Class<? extends E> previous = byName.put(name, permitted.asSubclass(root));
            if (previous != null) {
                throw new IllegalArgumentException("Event type " + name + " is declared by both "
                        + previous.getName() + " and " + permitted.getName());
            }
        }
    }

    public static String nameOf(Class<?> eventClass) {
        return annotation(eventClass).value();
    }

    public static int versionOf(Class<?> eventClass) {
        return annotation(eventClass).version();
    }

    private static EventType annotation(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
        }
        return type;
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public E decode(String typeName, JsonNode payload, ObjectMapper json) {
        Class<? extends E> type = byName.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("Unknown " + root.getSimpleName() + " type " + typeName);
        }
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot decode " + typeName + ": " + e.getMessage(), e);
        }
    }
}
