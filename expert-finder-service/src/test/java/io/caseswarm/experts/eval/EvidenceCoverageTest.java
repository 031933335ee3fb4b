package io.caseswarm.experts.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The dataset's own judge of coverage: what people declare, helped with and wrote about, and synonyms. */
class EvidenceCoverageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EvidenceCoverage coverage = new EvidenceCoverage();

    private void apply(String type, String data) throws Exception {
        JsonNode event = JSON.readTree("{\"type\":\"" + type + "\",\"data\":" + data + "}");
        coverage.apply(event);
    }

    private List<String> covered(List<String> asked, String... team) {
        return coverage.covered(new FinderQuery("q", asked, null, "", team.length), List.of(team)).stream()
                .sorted().toList();
    }

    @Test
    void creditsDeclaredSkillsHelpedSwarmsAndArticlesButNotJustBeingThere() throws Exception {
        apply("expert-registered", "{\"personId\":\"ana\",\"skills\":[{\"name\":\"SQL\",\"level\":2}]}");
        apply("swarm-member-credited", "{\"personId\":\"ana\",\"skills\":[\"kafka\"],\"helped\":true}");
        apply("swarm-member-credited", "{\"personId\":\"ana\",\"skills\":[\"ios\"],\"helped\":false}");
        apply("article-published", "{\"authorId\":\"bo\",\"tags\":[\"tls\"]}");

        assertThat(covered(List.of("sql", "kafka", "ios", "tls"), "ana")).containsExactly("kafka", "sql");
        assertThat(covered(List.of("sql", "kafka", "ios", "tls"), "ana", "bo")).containsExactly("kafka", "sql", "tls");
    }

    @Test
    void aSkillAskedOrCreditedByASynonymIsTheSkill() throws Exception {
        apply("skill-defined", "{\"skill\":\"kubernetes\",\"synonyms\":[\"k8s\"]}");
        apply("expert-registered", "{\"personId\":\"ana\",\"skills\":[{\"name\":\"k8s\",\"level\":4}]}");

        assertThat(covered(List.of("kubernetes", "docker"), "ana")).containsExactly("kubernetes");
    }

    @Test
    void anUpdatedProfileReplacesTheDeclaredSkills() throws Exception {
        apply("expert-registered", "{\"personId\":\"ana\",\"skills\":[{\"name\":\"sql\",\"level\":2}]}");
        apply("expert-updated", "{\"personId\":\"ana\",\"skills\":[{\"name\":\"java\",\"level\":2}]}");

        assertThat(covered(List.of("sql", "java"), "ana")).containsExactly("java");
    }
}
