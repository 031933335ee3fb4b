package io.caseswarm.experts.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The replay itself, with a finder simple enough to work out by hand (people in the order they registered, those
 * declaring an asked skill first): events in file order, each query judged against the state so far.
 */
class EvaluationTest {

    /** Ranks the registered people who declared an asked skill, in registration order; invites the first few. */
    private static final class InOrderOfRegistration implements OfflineFinder {
        private final List<JsonNode> people = new ArrayList<>();

        @Override
        public void apply(JsonNode cloudEvent) {
            if (cloudEvent.path("type").asText().equals("expert-registered")) {
                if (!cloudEvent.path("data").path("skills").isArray()) {
                    throw new IllegalArgumentException("malformed expert-registered event: skills must be an array");
                }
                people.add(cloudEvent.path("data"));
            }
        }

        @Override
        public List<String> rank(FinderQuery query, int k) {
            return people.stream()
                    .filter(person -> person.findValuesAsText("name").stream().anyMatch(query.skills()::contains))
                    .map(person -> person.path("personId").asText()).limit(k).toList();
        }

        @Override
        public List<String> team(FinderQuery query) {
            return rank(query, query.teamSize());
        }

        /** Credits a member with the asked skills they declared. */
        @Override
        public Set<String> covered(FinderQuery query, List<String> team) {
            return people.stream().filter(person -> team.contains(person.path("personId").asText()))
                    .flatMap(person -> person.findValuesAsText("name").stream())
                    .filter(query.skills()::contains).collect(Collectors.toSet());
        }
    }

    private static String registered(String personId, String skill) {
        return """
                {"specversion":"1.0","id":"id-%s","type":"expert-registered","source":"expert-finder-service",\
                "subject":"%s","time":"2026-05-01T10:00:00Z","data":{"personId":"%s","skills":[{"name":"%s","level":3}]}}"""
                .formatted(personId, personId, personId, skill);
    }

    private static String query(String id, String skill, String relevant) {
        return """
                {"type":"query","id":"%s","skills":["%s"],"product":null,"text":"","teamSize":1,"relevant":{%s}}"""
                .formatted(id, skill, relevant);
    }

    @Test
    void eachQueryIsJudgedAgainstTheEventsBeforeIt() throws IOException {
        String dataset = String.join("\n",
                registered("ana", "sql"),
                query("before", "k8s", "\"bo\":3"),                   // bo has not registered yet: nothing found
                registered("bo", "k8s"),
                registered("cy", "java"),
                registered("di", "java"),
                query("after", "k8s", "\"bo\":3"));                    // now bo is found, first

        EvaluationReport report = new Evaluation(new InOrderOfRegistration(), new InOrderOfRegistration())
                .run(read(dataset));

        assertThat(report.events()).isEqualTo(4);
        assertThat(report.queries()).isEqualTo(2);
        assertThat(report.people()).isEqualTo(4);
        // Query "before" scores 0 everywhere, "after" 1 on nDCG and MAP and 1/5 on P@5.
        assertThat(report.finder().ndcgAt10()).isCloseTo(0.5, within(1e-12));
        assertThat(report.finder().meanAveragePrecision()).isCloseTo(0.5, within(1e-12));
        assertThat(report.finder().precisionAt5()).isCloseTo(0.1, within(1e-12));
        // Coverage, by the finder and by the dataset's evidence: nobody for "before", bo's declared k8s for "after".
        assertThat(report.finder().coverage()).isCloseTo(0.5, within(1e-12));
        assertThat(report.finder().evidencedCoverage()).isCloseTo(0.5, within(1e-12));
        // One invitation, to bo, among 4 registered: ascending 0,0,0,1 gives 2·4/(4·1) − 5/4 = 0.75.
        assertThat(report.finder().gini()).isCloseTo(0.75, within(1e-12));
        assertThat(report.summaryLine())
                .isEqualTo("ndcg@10=0.500 p@5=0.100 map=0.500 coverage=0.500 gini=0.750 baseline_ndcg@10=0.500");
    }

    @Test
    void anEventTheFinderCannotReadIsReportedByItsLine() throws IOException {
        String dataset = registered("ana", "sql") + "\n" + registered("bo", "k8s").replace(
                "[{\"name\":\"k8s\",\"level\":3}]", "\"k8s\"");

        assertThatThrownBy(() -> new Evaluation(new InOrderOfRegistration(), new InOrderOfRegistration())
                .run(read(dataset)))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessage("line 2: malformed expert-registered event: skills must be an array");
    }

    private static List<DatasetEntry> read(String text) throws IOException {
        return DatasetReader.read(new BufferedReader(new StringReader(text)));
    }
}
