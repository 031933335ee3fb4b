package io.caseswarm.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service needs from a cluster, read from its configuration and code rather than listed here:
 * the settings it requires in production, the topics it consumes and publishes, its dead-letter topics
 * and its consumer groups.
 */
record ServiceConfiguration(String name, Properties settings, Set<String> channels, String streamType) {

    static final List<String> SERVICES =
            List.of("case-service", "swarm-service", "expert-finder-service", "knowledge-service", "notification-service");

    private static final String LOCAL_ONLY = "%dev.";
    private static final Pattern INCOMING = Pattern.compile("@Incoming\\(\"([^\"]+)\"\\)");
    private static final Pattern STREAM_TYPE = Pattern.compile("STREAM_TYPE\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern REDRIVE_GROUP = Pattern.compile("GROUP\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern BROKER_PARTITIONS = Pattern.compile("int partitions\\s*=\\s*(\\d+);");

    static ServiceConfiguration of(String service) {
        Properties settings = new Properties();
        settings.putAll(Repository.properties(Repository.PLATFORM_DEFAULTS));
        settings.putAll(Repository.properties(Repository.ROOT.resolve(service).resolve("src/main/resources/application.properties")));
        String code = sources(Repository.ROOT.resolve(service).resolve("src/main/java"));
        Set<String> channels = new TreeSet<>(all(INCOMING, code));
        List<String> streamTypes = all(STREAM_TYPE, code);
        if (streamTypes.size() != 1) {
            throw new IllegalStateException(service + " should declare one STREAM_TYPE, found " + streamTypes);
        }
        return new ServiceConfiguration(service, settings, channels, streamTypes.getFirst());
    }

    /** Settings with a value for local runs only and none for production: the service stops without them. */
    Set<String> requiredInProduction() {
        Set<String> required = new TreeSet<>();
        for (String key : settings.stringPropertyNames()) {
            if (key.startsWith(LOCAL_ONLY)) {
                String setting = key.substring(LOCAL_ONLY.length());
                if (!settings.containsKey(setting) && !settings.containsKey("%prod." + setting)) {
                    required.add(setting);
                }
            }
        }
        return required;
    }

    String applicationName() {
        return settings.getProperty("quarkus.application.name", name);
    }

    /** The outbox publishes a stream type's events to {@code <type>-events} (the platform's EventTopics). */
    String publishedTopic() {
        return streamType + "-events";
    }

    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        channels.forEach(channel -> topics.add(channelSetting(channel, "topic", channel)));
        return topics;
    }

    /** Where a record no consumer can process goes: the channel's setting, else the platform's <topic>-dlq. */
    Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        channels.forEach(channel -> topics.add(
                channelSetting(channel, "dead-letter-queue.topic", channelSetting(channel, "topic", channel) + "-dlq")));
        return topics;
    }

    /** A channel's group.id, else Quarkus' default (the application name); and the platform's redrive group. */
    Set<String> consumerGroups() {
        Set<String> groups = new TreeSet<>();
        channels.forEach(channel -> groups.add(channelSetting(channel, "group.id", applicationName())));
        groups.add(redriveGroup());
        return groups;
    }

    Set<String> topics() {
        Set<String> topics = new TreeSet<>(consumedTopics());
        topics.add(publishedTopic());
        topics.addAll(deadLetterTopics());
        return topics;
    }

    /**
     * The ACLs the service's code needs, resource ("topic:name", "group:name") to operations: Write on its
     * own topic; Read on what it consumes and Write there too (a redrive puts dead letters back); Read and
     * Write on its dead-letter topics; Read on its groups.
     */
    Map<String, Set<String>> neededAcls() {
        Map<String, Set<String>> acls = new TreeMap<>();
        consumedTopics().forEach(topic -> acls.put("topic:" + topic, new TreeSet<>(Set.of("Read", "Write"))));
        acls.computeIfAbsent("topic:" + publishedTopic(), topic -> new TreeSet<>()).add("Write");
        deadLetterTopics().forEach(topic -> acls.put("topic:" + topic, new TreeSet<>(Set.of("Read", "Write"))));
        consumerGroups().forEach(group -> acls.put("group:" + group, new TreeSet<>(Set.of("Read"))));
        return acls;
    }

    private String channelSetting(String channel, String key, String otherwise) {
        return settings.getProperty("mp.messaging.incoming." + channel + "." + key, otherwise);
    }

    /** The consumer group whose offsets remember what was redriven (DeadLetterRedrive.GROUP). */
    static String redriveGroup() {
        String code = Repository.read(Repository.PLATFORM_SOURCES.resolve("io/caseswarm/platform/deadletter/DeadLetterRedrive.java"));
        return all(REDRIVE_GROUP, code).getFirst();
    }

    /** The partitions a topic has wherever the project runs Kafka itself (the local broker's default). */
    static int expectedPartitions() {
        return Integer.parseInt(all(BROKER_PARTITIONS, Repository.read(Repository.LOCAL_BROKER)).getFirst());
    }

    /** The environment variable MicroProfile Config reads for a property: kafka.bootstrap.servers -> KAFKA_BOOTSTRAP_SERVERS. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> all.append(Repository.read(file)));
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
