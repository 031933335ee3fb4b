package io.caseswarm.experts.eval;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code ./caseswarm eval-finder}: what it prints and how it exits. */
class EvalFinderCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EvalFinderCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    @Test
    void aTinyOrganisationIsEvaluatedThroughTheRealFinderEndingWithTheSummaryLine(@TempDir Path dir)
            throws IOException {
        Path dataset = dir.resolve("tiny.jsonl");
        assertThat(run("--generate", dataset.toString(), "--seed", "5", "--people", "40", "--queries", "15")).isZero();
        out.reset();

        assertThat(run(dataset.toString())).isZero();

        List<String> lines = out.toString(UTF_8).lines().toList();
        assertThat(lines.get(0)).contains("15 queries, 40 people registered");
        assertThat(lines).anyMatch(line -> line.matches("ndcg@10 +[01]\\.\\d{3} +[01]\\.\\d{3} +[-+][01]\\.\\d{3}"));
        String summary = lines.get(lines.size() - 1);
        assertThat(summary).matches("ndcg@10=(\\d\\.\\d{3}) p@5=\\d\\.\\d{3} map=\\d\\.\\d{3} coverage=\\d\\.\\d{3}"
                + " gini=\\d\\.\\d{3} baseline_ndcg@10=\\d\\.\\d{3}");
        // Every person judged relevant is registered, so a finder that finds anyone scores above zero.
        assertThat(Double.parseDouble(summary.substring("ndcg@10=".length(), summary.indexOf(' ')))).isPositive();
        assertThat(err.toString(UTF_8)).isEmpty();
    }

    @Test
    void aMalformedDatasetExitsOneNamingTheLineAndPrintsNoFigures(@TempDir Path dir) throws IOException {
        Path dataset = Files.writeString(dir.resolve("bad.jsonl"),
                DatasetReaderTest.EVENT + "\n" + DatasetReaderTest.QUERY.replace("\"teamSize\":2", "\"teamSize\":0"));

        assertThat(run(dataset.toString())).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("line 2: query q1: \"teamSize\" must be a whole number >= 1");
        assertThat(out.toString(UTF_8)).isEmpty();
    }

    @Test
    void anEventTheFinderCannotReadExitsOneNamingTheLine(@TempDir Path dir) throws IOException {
        String registered = """
                {"specversion":"1.0","id":"e1","type":"expert-registered","source":"expert-finder-service",\
                "subject":"ana.lima","time":"2026-05-01T10:00:00Z","data":{"personId":"ana.lima","name":"Ana Lima",\
                "email":"ana.lima@example.com","chatHandle":null,"timeZone":"Europe/Lisbon",\
                "workingHours":{"start":"00:00","end":"23:59"},"skills":[{"name":"sql","level":3}],"capacity":2,\
                "presence":"available","registeredAt":"2026-01-01T00:00:00Z"}}""";
        String credited = """
                {"specversion":"1.0","id":"e2","type":"swarm-member-credited","source":"swarm-service",\
                "subject":"3f1c2b4e-8a8d-4c55-9a51-1b2c3d4e5f60","time":"2026-05-02T10:00:00Z",\
                "data":{"swarmId":"3f1c2b4e-8a8d-4c55-9a51-1b2c3d4e5f60","caseId":"4f1c2b4e-8a8d-4c55-9a51-1b2c3d4e5f60",\
                "personId":"ana.lima","product":null,"skills":["sql"],"posts":"many","helped":true,\
                "creditedAt":"2026-05-02T10:00:00Z"}}""";
        Path dataset = Files.writeString(dir.resolve("bad-event.jsonl"), registered + "\n" + credited);

        assertThat(run(dataset.toString())).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("line 2: ").contains("swarm-member-credited");
        assertThat(out.toString(UTF_8)).isEmpty();
    }

    @Test
    void aMissingDatasetExitsOne(@TempDir Path dir) {
        assertThat(run(dir.resolve("none.jsonl").toString())).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("none.jsonl");
    }

    @Test
    void aWrongCommandLineExitsTwoWithTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("a.jsonl", "b.jsonl")).isEqualTo(2);
        assertThat(run("--generate")).isEqualTo(2);
        assertThat(run("--generate", "out.jsonl", "--people", "many")).isEqualTo(2);
        assertThat(run("--generate", "out.jsonl", "--queries", "0")).isEqualTo(2);
        assertThat(run("--generate", "out.jsonl", "--colour", "red")).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("usage: eval-finder <dataset.jsonl>")
                .contains("--people needs a whole number, not many").contains("unknown option --colour");
    }

    @Test
    void generateWritesTheOrganisationAsked(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("org.jsonl");

        assertThat(run("--generate", target.toString(), "--seed", "3", "--people", "20", "--queries", "5"))
                .isZero();

        assertThat(Files.readAllLines(target)).filteredOn(line -> line.contains("\"type\":\"query\"")).hasSize(5);
        assertThat(Files.readAllLines(target)).filteredOn(line -> line.contains("\"type\":\"expert-registered\""))
                .hasSize(20);
        assertThat(out.toString(UTF_8)).contains("wrote").contains(target.toString());
    }
}
