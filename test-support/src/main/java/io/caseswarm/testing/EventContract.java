package io.caseswarm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.resource.InputStreamSource;

/**
 * The event contract, {@code docs/asyncapi.yaml} and the JSON Schemas it refers to, held against what
 * the code does: {@link #check} a record read from a topic (the {@link TopicReader} checks every record
 * it reads from a documented topic), and {@link #assertDocuments} a service's sealed event interface.
 * The schemas are evaluated by a JSON Schema validator straight from the document, with its own
 * {@code $ref}s, so the document is the only statement of the contract.
 */
public final class EventContract {

    /** Set by the build to the repository's {@code docs} folder. */
    public static final String DOCS_DIR_PROPERTY = "caseswarm.docs.dir";
    private static final String DOCUMENT = "asyncapi.yaml";
    /** Dead-letter topics are documented, but hold whatever a consumer could not read: nothing to check. */
    private static final String DEAD_LETTER_SUFFIX = "-dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Message>> channels;

    private EventContract(Map<String, Map<String, Message>> channels) {
        this.channels = channels;
    }

    /** Reads the document from {@value #DOCS_DIR_PROPERTY}, or else from the nearest {@code docs/} above here. */
    public static EventContract load() {
        Path document = docsDir().resolve(DOCUMENT);
        try {
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(document.toFile());
            return new EventContract(eventChannels(tree, registry(document.getParent()), document.toUri().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + document, e);
        }
    }

    /** Whether {@code topic} is an event channel of the document, whose records {@link #check} can judge. */
    public boolean describes(String topic) {
        return channels.containsKey(topic);
    }

    /** The ce_types documented on {@code topic}, in the document's order; none for a topic it does not describe. */
    public Set<String> eventTypes(String topic) {
        return channels.getOrDefault(topic, Map.of()).keySet();
    }

    /**
     * Fails, naming every violation, unless the record is a documented event of its topic: a message of
     * that channel, with the CloudEvents headers of its publisher and version, keyed by the aggregate id
     * (the same as ce_subject and as the payload's key field), and a payload valid against its schema.
     */
    public void check(ConsumerRecord<String, String> record) {
        String type = TopicReader.header(record, "ce_type");
        Map<String, Message> messages = channels.get(record.topic());
        List<String> violations;
        if (messages == null) {
            violations = List.of("the topic is not an event channel of " + DOCUMENT + " " + channels.keySet());
        } else if (!messages.containsKey(type)) {
            violations = List.of("ce_type " + type + " is not a message of this channel " + messages.keySet());
        } else {
            violations = messages.get(type).violations(record);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("A record of %s (partition %d, offset %d, ce_type %s, key %s) breaks the event"
                    .formatted(record.topic(), record.partition(), record.offset(), type, record.key())
                    + " contract in docs/" + DOCUMENT + ":\n  - " + String.join("\n  - ", violations)
                    + "\n  payload: " + record.value());
        }
    }

    /**
     * Fails unless the records permitted by {@code sealedEvents} (through sealed sub-interfaces too) are
     * exactly the messages documented on {@code topic}, by {@code @EventType} name and schema version.
     * The annotation is read by its simple name, so that test support needs no event-platform classes.
     */
    public void assertDocuments(String topic, Class<?> sealedEvents) {
        if (!sealedEvents.isSealed()) {
            throw new IllegalArgumentException(sealedEvents.getName() + " is not a sealed interface of events");
        }
        Map<String, Integer> inCode = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        collect(sealedEvents, inCode, problems);
        Map<String, Message> documented = channels.getOrDefault(topic, Map.of());
        inCode.forEach((type, version) -> {
            Message message = documented.get(type);
            if (message == null) {
                problems.add(type + " is published but not documented on " + topic);
            } else if (message.schemaVersion() != version) {
                problems.add(type + " is version " + version + " in the code but " + message.schemaVersion()
                        + " in the document");
            }
        });
        documented.keySet().stream().filter(type -> !inCode.containsKey(type))
                .forEach(type -> problems.add(type + " is documented on " + topic + " but "
                        + sealedEvents.getSimpleName() + " has no such event"));
        if (!problems.isEmpty()) {
            throw new AssertionError("docs/" + DOCUMENT + " and " + sealedEvents.getName() + " disagree:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private static void collect(Class<?> type, Map<String, Integer> inCode, List<String> problems) {
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                collect(permitted, inCode, problems);
                continue;
            }
            Annotation eventType = null;
            for (Annotation annotation : permitted.getAnnotations()) {
                if (annotation.annotationType().getSimpleName().equals("EventType")) {
                    eventType = annotation;
                }
            }
            if (eventType == null) {
                problems.add(permitted.getName() + " has no @EventType");
            } else {
                inCode.put((String) attribute(eventType, "value"), (Integer) attribute(eventType, "version"));
            }
        }
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            return annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("@EventType has no readable " + name + "()", e);
        }
    }

    private static Map<String, Map<String, Message>> eventChannels(JsonNode document, SchemaRegistry registry,
            String documentIri) {
        Map<String, Map<String, Message>> channels = new LinkedHashMap<>();
        document.path("channels").forEach(channel -> {
            String topic = channel.path("address").asText();
            if (topic.endsWith(DEAD_LETTER_SUFFIX)) {
                return;
            }
            Map<String, Message> messages = new LinkedHashMap<>();
            channel.path("messages").forEach(reference -> {
                String pointer = reference.path("$ref").asText();
                Message message = Message.of(document.at(pointer.substring(1)), documentIri + pointer, registry);
                messages.put(message.type(), message);
            });
            channels.put(topic, Collections.unmodifiableMap(messages));
        });
        return channels;
    }

    /**
     * JSON Schema 2020-12 with formats asserted (a uuid that is not one is an error, not a note), reading
     * nothing but files of the docs folder.
     */
    private static SchemaRegistry registry(Path docs) {
        String docsIri = docs.toUri().toString();
        Dialect dialect = Dialect.builder(Dialects.getDraft202012()).format(new MailboxFormat()).build();
        return SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .resourceLoaders(loaders -> loaders.add(iri -> iri.toString().startsWith(docsIri)
                        ? (InputStreamSource) () -> Files.newInputStream(Path.of(URI.create(iri.toString())))
                        : null)));
    }

    private static Path docsDir() {
        String configured = System.getProperty(DOCS_DIR_PROPERTY);
        if (configured != null) {
            Path docs = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(docs.resolve(DOCUMENT))) {
                throw new IllegalStateException(DOCS_DIR_PROPERTY + "=" + configured + " has no " + DOCUMENT);
            }
            return docs;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs").resolve(DOCUMENT))) {
                return dir.resolve("docs");
            }
        }
        throw new IllegalStateException("No docs/" + DOCUMENT + " here or above, and " + DOCS_DIR_PROPERTY
                + " is not set");
    }

    /** One event type as documented: its schemas, its version and which payload field is the key. */
    private record Message(String type, int schemaVersion, String keyField, Schema headers, Schema key,
            Schema payload) {

        static Message of(JsonNode message, String iri, SchemaRegistry registry) {
            String type = message.path("name").asText();
            JsonNode version = null;
            for (JsonNode part : message.path("headers").path("allOf")) {
                version = part.at("/properties/ce_schemaversion/const").isMissingNode() ? version
                        : part.at("/properties/ce_schemaversion/const");
            }
            if (version == null || message.path("x-key-field").asText().isEmpty()) {
                throw new IllegalStateException("Message " + type + " of " + DOCUMENT
                        + " needs its ce_schemaversion in headers.allOf and its x-key-field");
            }
            return new Message(type, Integer.parseInt(version.asText()), message.path("x-key-field").asText(),
                    schema(registry, iri + "/headers"), schema(registry, iri + "/bindings/kafka/key"),
                    schema(registry, iri + "/payload"));
        }

        private static Schema schema(SchemaRegistry registry, String iri) {
            Schema schema = registry.getSchema(SchemaLocation.of(iri));
            // Resolves every $ref now, so that a broken document fails on loading, not on some later record.
            schema.initializeValidators();
            return schema;
        }

        List<String> violations(ConsumerRecord<String, String> record) {
            List<String> violations = new ArrayList<>();
            ObjectNode headerValues = JSON.createObjectNode();
            record.headers().forEach(h -> headerValues.put(h.key(), TopicReader.header(record, h.key())));
            errors(headers, headerValues.toString(), "headers", violations);
            String subject = TopicReader.header(record, "ce_subject");
            if (record.key() == null) {
                violations.add("the record has no key");
            } else {
                errors(key, TextNode.valueOf(record.key()).toString(), "key", violations);
                if (!record.key().equals(subject)) {
                    violations.add("the key differs from ce_subject " + subject);
                }
            }
            JsonNode payload = parse(record.value(), violations);
            if (payload != null) {
                if (record.key() != null && !record.key().equals(payload.path(keyField).asText(null))) {
                    violations.add("the key differs from the payload's " + keyField + " " + payload.path(keyField));
                }
                errors(this.payload, record.value(), "payload", violations);
            }
            return violations;
        }

        private static JsonNode parse(String value, List<String> violations) {
            if (value == null) {
                violations.add("the record has no payload");
                return null;
            }
            try {
                return JSON.readTree(value);
            } catch (JsonProcessingException e) {
                violations.add("the payload is not JSON: " + e.getOriginalMessage());
                return null;
            }
        }

        private static void errors(Schema schema, String json, String what, List<String> violations) {
            schema.validate(json, InputFormat.JSON).forEach(error -> violations.add(
                    what + error.getInstanceLocation() + ": " + error.getMessage()));
        }
    }

    /**
     * {@code format: email} as an RFC 5321 mailbox by its shape, as the services' {@code @Email} checks it.
     * The validator's own email format also wants a top-level domain from its list, and so would fail
     * addresses that the services rightly accept, such as {@code ana@corp.internal} or {@code ana@localhost}.
     */
    private static final class MailboxFormat implements Format {

        private static final String ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
        private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
        private static final Pattern MAILBOX = Pattern.compile(
                ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[^\\[\\]\\s]+])");

        @Override
        public String getName() {
            return "email";
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return MAILBOX.matcher(value).matches();
        }
    }
}
