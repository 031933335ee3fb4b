package io.caseswarm.experts.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dataset format as the README states it, and every kind of bad line refused by its number. */
class DatasetReaderTest {

    static final String EVENT = """
            {"specversion":"1.0","id":"8f1d2c1e-0000-4000-8000-000000000001","type":"expert-registered",\
            "source":"expert-finder-service","subject":"ana.lima","time":"2026-05-01T10:00:00Z",\
            "data":{"personId":"ana.lima"}}""";
    static final String QUERY = """
            {"type":"query","id":"q1","skills":["sql","k8s"],"product":"Billing Cloud","text":"slow join",\
            "teamSize":2,"relevant":{"ana.lima":3,"bruno.rossi":0}}""";

    @Test
    void readsEventsAndQueriesInFileOrderSkippingBlankLines() throws IOException {
        List<DatasetEntry> entries = read(EVENT + "\n\n" + QUERY + "\n" + EVENT.replace("ana.lima", "bo.le"));

        assertThat(entries).extracting(DatasetEntry::line).containsExactly(1, 3, 4);
        DatasetEvent event = (DatasetEvent) entries.get(0);
        assertThat(event.type()).isEqualTo("expert-registered");
        assertThat(event.data().path("personId").asText()).isEqualTo("ana.lima");
        JudgedQuery query = (JudgedQuery) entries.get(1);
        assertThat(query.query()).isEqualTo(new FinderQuery("q1", List.of("sql", "k8s"), "Billing Cloud",
                "slow join", 2));
        assertThat(query.grade("ana.lima")).isEqualTo(3);
        assertThat(query.grade("bruno.rossi")).isZero();
        assertThat(query.grade("never.judged")).isZero();
    }

    @Test
    void aQueryWithoutProductReadsAsNull() throws IOException {
        JudgedQuery query = (JudgedQuery) read(QUERY.replace("\"Billing Cloud\"", "null")).get(0);
        assertThat(query.query().product()).isNull();
    }

    static Stream<String> malformedLines() {
        return Stream.of("{not json", "[1,2]", "{\"id\":\"x\",\"type\":\"expert-registered\"}", EVENT_NO_SPEC,
                EVENT_NO_SUBJECT, EVENT_BAD_TIME, EVENT_NO_DATA, QUERY_GRADE_FOUR, QUERY_GRADE_NEGATIVE,
                QUERY_GRADE_TEXT, QUERY_NO_SKILLS, QUERY_BLANK_SKILL, QUERY_TEAM_ZERO, QUERY_TEAM_FRACTION,
                QUERY_NO_RELEVANT, QUERY_NO_ID, QUERY_NO_TEXT);
    }

    @ParameterizedTest
    @MethodSource("malformedLines")
    void aMalformedLineIsRefusedByItsNumber(String bad) {
        assertThatThrownBy(() -> read(EVENT + "\n" + QUERY + "\n\n" + bad + "\n" + QUERY))
                .isInstanceOf(MalformedDatasetException.class)
                .hasMessageStartingWith("line 4: ")
                .satisfies(e -> assertThat(((MalformedDatasetException) e).line()).isEqualTo(4));
    }

    @Test
    void theErrorSaysWhatIsWrong() {
        assertThatThrownBy(() -> read(QUERY_GRADE_FOUR))
                .hasMessage("line 1: query q1: the grade of ana.lima must be a whole number 0-3, not 4");
        assertThatThrownBy(() -> read(EVENT_BAD_TIME))
                .hasMessageContaining("\"time\" is not an RFC 3339 date-time");
        assertThatThrownBy(() -> read(QUERY_TEAM_ZERO)).hasMessageContaining("teamSize");
    }

    private static final String EVENT_NO_SPEC = "{\"id\":\"x\",\"type\":\"case-resolved\",\"source\":\"s\","
            + "\"subject\":\"s\",\"time\":\"2026-05-01T10:00:00Z\",\"data\":{}}";
    private static final String EVENT_NO_SUBJECT = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"case-resolved\","
            + "\"source\":\"s\",\"time\":\"2026-05-01T10:00:00Z\",\"data\":{}}";
    private static final String EVENT_BAD_TIME = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"case-resolved\","
            + "\"source\":\"s\",\"subject\":\"s\",\"time\":\"yesterday\",\"data\":{}}";
    private static final String EVENT_NO_DATA = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"case-resolved\","
            + "\"source\":\"s\",\"subject\":\"s\",\"time\":\"2026-05-01T10:00:00Z\",\"data\":\"{}\"}";
    private static final String QUERY_GRADE_FOUR = "{\"type\":\"query\",\"id\":\"q1\",\"skills\":[\"sql\"],"
            + "\"product\":null,\"text\":\"\",\"teamSize\":1,\"relevant\":{\"ana.lima\":4}}";
    private static final String QUERY_GRADE_NEGATIVE = QUERY_GRADE_FOUR.replace(":4}", ":-1}");
    private static final String QUERY_GRADE_TEXT = QUERY_GRADE_FOUR.replace(":4}", ":\"3\"}");
    private static final String QUERY_NO_SKILLS = QUERY_GRADE_FOUR.replace("[\"sql\"]", "[]").replace(":4}", ":3}");
    private static final String QUERY_BLANK_SKILL = QUERY_NO_SKILLS.replace("[]", "[\" \"]");
    private static final String QUERY_TEAM_ZERO = QUERY_GRADE_FOUR.replace(":4}", ":3}").replace("\"teamSize\":1",
            "\"teamSize\":0");
    private static final String QUERY_TEAM_FRACTION = QUERY_TEAM_ZERO.replace("\"teamSize\":0", "\"teamSize\":1.5");
    private static final String QUERY_NO_RELEVANT = QUERY_GRADE_FOUR.replace(",\"relevant\":{\"ana.lima\":4}", "");
    private static final String QUERY_NO_ID = QUERY_GRADE_FOUR.replace("\"id\":\"q1\",", "").replace(":4}", ":3}");
    private static final String QUERY_NO_TEXT = QUERY_GRADE_FOUR.replace("\"text\":\"\",", "").replace(":4}", ":3}");

    private static List<DatasetEntry> read(String text) throws IOException {
        return DatasetReader.read(new BufferedReader(new StringReader(text)));
    }
}
