package io.caseswarm.experts.eval;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void aMalformedDatasetExitsOneNamingTheLineAndPrintsNoFigures(@TempDir Path dir) throws IOException {
        Path dataset = Files.writeString(dir.resolve("bad.jsonl"),
                DatasetReaderTest.EVENT + "\n" + DatasetReaderTest.QUERY.replace("\"teamSize\":2", "\"teamSize\":0"));

        assertThat(run(dataset.toString())).isEqualTo(1);
        assertThat(err.toString(UTF_8)).contains("line 2: query q1: \"teamSize\" must be a whole number >= 1");
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
