package io.caseswarm.experts.eval;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.caseswarm.testing.EventContract;

/** The synthetic organisation: the same for the same seed, every event in its documented shape, and judged. */
class OrgGeneratorTest {

    private static final OrgGenerator.Settings SMALL = new OrgGenerator.Settings(7, 60, 40);
    private static final List<String> TOPICS = List.of("case-events", "swarm-events", "expert-events",
            "knowledge-events");
    /** skill-defined as issue 13 describes it, until docs/asyncapi.yaml documents it. */
    private static final Set<String> SKILL_DEFINED_FIELDS = Set.of("skill", "synonyms", "broader", "related",
            "definedBy", "definedAt");

    private final List<ObjectNode> org = new OrgGenerator(SMALL).generate();

    @Test
    void theSameSeedWritesTheSameFileAndAnotherSeedAnother(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.jsonl");
        Path again = dir.resolve("again.jsonl");
        Path other = dir.resolve("other.jsonl");
        new OrgGenerator(SMALL).writeTo(first);
        new OrgGenerator(SMALL).writeTo(again);
        new OrgGenerator(SMALL.withSeed(8)).writeTo(other);

        assertThat(Files.readString(again)).isEqualTo(Files.readString(first));
        assertThat(Files.readString(other)).isNotEqualTo(Files.readString(first));
    }

    @Test
    void everyEventIsAsOnItsTopicAndTheDatasetReadsBack() throws IOException {
        EventContract contract = EventContract.load();
        for (ObjectNode line : org) {
            String type = line.path("type").asText();
            if (type.equals(DatasetReader.QUERY_TYPE)) {
                continue;
            }
            Optional<String> topic = TOPICS.stream().filter(t -> contract.eventTypes(t).contains(type)).findFirst();
            if (topic.isPresent()) {
                contract.check(record(topic.get(), line));
            } else {
                assertThat(type).as("an event type the contract does not document").isEqualTo("skill-defined");
                assertThat(fieldNames(line.path("data"))).isEqualTo(SKILL_DEFINED_FIELDS);
            }
        }
        String text = org.stream().map(ObjectNode::toString).collect(Collectors.joining("\n"));
        assertThat(DatasetReader.read(new BufferedReader(new StringReader(text)))).hasSize(org.size());
    }

    @Test
    void itHasEveryKindOfSignalOverTheHalfYearBeforeTheFixedEnd() {
        Map<String, Long> types = org.stream()
                .collect(Collectors.groupingBy(line -> line.path("type").asText(), Collectors.counting()));
        assertThat(types).containsOnlyKeys("expert-registered", "skill-defined", "case-resolved",
                "swarm-member-credited", "article-published", "article-used", "query");
        assertThat(types.get("expert-registered")).isEqualTo(60);
        assertThat(types.get("query")).isEqualTo(40);
        assertThat(org.stream().filter(line -> line.has("time")).map(line -> Instant.parse(line.get("time").asText())))
                .allMatch(time -> !time.isAfter(OrgGenerator.END))
                .anyMatch(time -> time.isBefore(OrgGenerator.START.plusSeconds(86_400 * 30)));
        assertThat(events("article-published")).allMatch(data -> data.path("authorId").isTextual());
        // A use names an article published before it, and its author.
        Map<String, String> authors = events("article-published").collect(Collectors.toMap(
                data -> data.path("articleId").asText(), data -> data.path("authorId").asText()));
        assertThat(events("article-used")).isNotEmpty().allMatch(data -> authors.get(data.path("articleId").asText())
                .equals(data.path("authorId").asText()) && data.path("caseId").isTextual());
        assertThat(events("swarm-member-credited")).anyMatch(data -> data.path("helped").asBoolean())
                .anyMatch(data -> !data.path("helped").asBoolean());
    }

    @Test
    void declarationsAndRequestsUseOtherNamesForSkillsAndCasesAreInSeveralLanguages() {
        Set<String> synonyms = SkillCatalogue.SKILLS.stream().flatMap(skill -> skill.synonyms().stream())
                .collect(Collectors.toSet());
        assertThat(events("expert-registered").flatMap(data -> stream(data.path("skills")))
                .map(skill -> skill.path("name").asText())).anyMatch(synonyms::contains);
        assertThat(queries().flatMap(query -> stream(query.path("skills"))).map(JsonNode::asText))
                .anyMatch(synonyms::contains);
        List<String> descriptions = events("case-resolved").map(data -> data.path("description").asText()).toList();
        assertThat(descriptions).anyMatch(text -> text.contains("cliente"))   // Italian
                .anyMatch(text -> text.matches(".*\\p{IsGreek}.*"))
                .anyMatch(text -> text.contains("Khách hàng"))                 // Vietnamese
                .anyMatch(text -> text.matches(".*\\p{IsArabic}.*"));          // Persian
    }

    @Test
    void everyQueryHasSomeoneRelevantAndJudgesOnlyRegisteredPeople() {
        Set<String> registered = events("expert-registered").map(data -> data.path("personId").asText())
                .collect(Collectors.toSet());
        assertThat(queries()).allSatisfy(query -> {
            assertThat(fieldNames(query.path("relevant"))).isSubsetOf(registered);
            assertThat(stream(query.path("relevant"))).anyMatch(grade -> grade.asInt() >= 1);
            assertThat(query.path("teamSize").asInt()).isBetween(1, 3);
        });
        assertThat(queries().flatMap(query -> stream(query.path("relevant")))).anyMatch(grade -> grade.asInt() == 3)
                .anyMatch(grade -> grade.asInt() == 0);
    }

    private java.util.stream.Stream<JsonNode> events(String type) {
        return org.stream().filter(line -> line.path("type").asText().equals(type)).map(line -> line.path("data"));
    }

    private java.util.stream.Stream<ObjectNode> queries() {
        return org.stream().filter(line -> line.path("type").asText().equals(DatasetReader.QUERY_TYPE));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static Set<String> fieldNames(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The structured-mode event as a record in Kafka's binary mode, the way the services publish it. */
    private static ConsumerRecord<String, String> record(String topic, JsonNode event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0, event.path("subject").asText(),
                event.path("data").toString());
        header(record, "ce_specversion", event.path("specversion").asText());
        header(record, "ce_id", event.path("id").asText());
        header(record, "ce_type", event.path("type").asText());
        header(record, "ce_source", event.path("source").asText());
        header(record, "ce_subject", event.path("subject").asText());
        header(record, "ce_time", event.path("time").asText());
        header(record, "ce_schemaversion", event.path("schemaversion").asText());
        header(record, "content-type", event.path("datacontenttype").asText());
        return record;
    }

    private static void header(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }
}
