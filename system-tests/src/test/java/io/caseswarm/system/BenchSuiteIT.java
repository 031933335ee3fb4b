package io.caseswarm.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./caseswarm bench} works, at its smallest size: every benchmark runs against real processes
 * and its baseline, and the table, the JSON file and the chart come out. The figures of so short a run
 * mean nothing and are not judged here; the suite itself is a command of its own.
 */
class BenchSuiteIT {

    @Test
    void theSuiteMeasuresEveryBenchmarkBesideItsBaselineAndWritesTheTableTheJsonAndTheChart() throws Exception {
        Path out = Path.of("target/bench-smoke");
        BenchSuite.main(new String[] { "--smoke", "--out", out.toString() });

        JsonNode json = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertThat(json.get("size").asText()).isEqualTo("smoke");
        assertThat(json.at("/machine/cores").asInt()).isPositive();
        assertThat(json.at("/machine/kafkaEndToEnd/p99Ms").asDouble()).isPositive();
        assertThat(json.get("figures").findValuesAsText("id")).contains("P1", "P2", "P3", "P5", "P6", "P7");
        for (JsonNode figure : json.get("figures")) {
            assertThat(figure.get("value").asDouble()).as(figure.toString()).isPositive();
            if (figure.has("baselineValue")) {
                assertThat(figure.get("baselineValue").asDouble()).as(figure.toString()).isPositive();
                assertThat(figure.get("ratio").asDouble()).as(figure.toString())
                        .isCloseTo(figure.get("value").asDouble() / figure.get("baselineValue").asDouble(),
                                org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        // three P2 swarms, each timed to its invitation and its mail; fifty P5 suggestions; every flow P3 started
        // in its confirming window (6 s at the highest rate that held) timed through to its resolution
        assertThat(json.get("latencies").findValuesAsText("name")).anyMatch(name -> name.startsWith("P2"))
                .anyMatch(name -> name.startsWith("P3")).anyMatch(name -> name.startsWith("P5"));
        assertThat(json.get("notes").toString()).contains("P3 0.50 flows/s", "P3 1.00 flows/s");
        for (JsonNode latency : json.get("latencies")) {
            String name = latency.get("name").asText();
            if (name.startsWith("P2") || name.startsWith("P5")) {
                assertThat(latency.get("count").asInt()).as(latency.toString()).isEqualTo(name.startsWith("P2") ? 3 : 50);
            }
            if (name.startsWith("P3")) {
                double held = json.get("figures").findParents("id").stream().filter(f -> f.get("id").asText().equals("P3"))
                        .findFirst().orElseThrow().get("value").asDouble();
                assertThat(latency.get("count").asLong()).as(latency.toString()).isEqualTo(Math.round(held * 6));
            }
        }

        String table = Files.readString(out.resolve("bench.txt"));
        assertThat(table).contains("baseline", "JDBC append + projection", "Kafka end-to-end p99", "P1", "P2", "P3", "P5", "P6",
                "P7");
        BufferedImage chart = ImageIO.read(out.resolve("latency.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(1200);
        assertThat(chart.getHeight()).isEqualTo(720);
    }
}
