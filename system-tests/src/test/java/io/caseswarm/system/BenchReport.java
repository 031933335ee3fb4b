package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a run of the benchmark suite found: its figures (each beside its baseline and goal), the
 * latency distributions behind them and the machine they were measured on. Printed as a table, and
 * written as {@code bench.json} and {@code latency.png}.
 */
final class BenchReport {

    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final List<BenchFigure> figures = new ArrayList<>();
    private final List<LatencySeries> series = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String size;
    private final Instant started = Instant.now();

    BenchReport(String size) {
        this.size = size;
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryGiB", Math.round(procValue("/proc/meminfo", "MemTotal") / 1024.0 / 1024.0));
        machine.put("cpu", procText("/proc/cpuinfo", "model name"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
    }

    void machine(String key, Object value) {
        machine.put(key, value);
    }

    void add(BenchFigure figure) {
        figures.add(figure);
        System.out.println("  " + line(figure));
    }

    /** A latency distribution to chart and keep; it stays in the report as recorded so far. */
    void add(LatencySeries latency) {
        series.add(latency);
        System.out.println("  " + latency.describe());
    }

    /** Something a reader of the figures should know (what bounds one, what was left out). */
    void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    List<BenchFigure> figures() {
        return List.copyOf(figures);
    }

    String table() {
        StringBuilder table = new StringBuilder();
        table.append("Caseswarm benchmark suite (%s), %s%n".formatted(size, started));
        table.append("machine: %s%n%n".formatted(machine));
        table.append("%-4s %-58s %14s  %-44s %14s %8s  %-16s %s%n".formatted("id", "figure", "value", "baseline (measured now)",
                "baseline", "ratio", "goal", "met"));
        figures.forEach(figure -> table.append(line(figure)).append(System.lineSeparator()));
        if (!notes.isEmpty()) {
            table.append(System.lineSeparator());
            notes.forEach(note -> table.append("note: ").append(note).append(System.lineSeparator()));
        }
        return table.toString();
    }

    private static String line(BenchFigure figure) {
        return "%-4s %-58s %14s  %-44s %14s %8s  %-16s %s".formatted(figure.id(), figure.what(),
                number(figure.value()) + " " + figure.unit(), figure.baseline(),
                figure.hasBaseline() ? number(figure.baselineValue()) + " " + figure.unit() : "",
                figure.hasBaseline() ? "%.2f×".formatted(figure.ratio()) : "", figure.goal().text(),
                figure.goal().judged() ? (figure.met() ? "yes" : "NO") : "");
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? "%,.0f".formatted(value) : "%.1f".formatted(value);
    }

    /** Writes bench.json, latency.png and bench.txt (the table) into {@code folder}. */
    void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("size", size);
            json.put("started", started.toString());
            json.put("finished", Instant.now().toString());
            json.put("machine", machine);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (BenchFigure figure : figures) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", figure.id());
                row.put("figure", figure.what());
                row.put("value", figure.value());
                row.put("unit", figure.unit());
                if (figure.hasBaseline()) {
                    row.put("baseline", figure.baseline());
                    row.put("baselineValue", figure.baselineValue());
                    row.put("ratio", figure.ratio());
                }
                row.put("goal", figure.goal().text());
                if (figure.goal().judged()) {
                    row.put("met", figure.met());
                }
                rows.add(row);
            }
            json.put("figures", rows);
            json.put("latencies", series.stream().map(LatencySeries::summary).toList());
            json.put("notes", notes);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("bench.json").toFile(), json);
            Files.writeString(folder.resolve("bench.txt"), table());
            LatencyChart.write("Caseswarm latencies (" + size + ", " + started + ")", series, folder.resolve("latency.png"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report into " + folder, e);
        }
    }

    private static long procValue(String file, String key) {
        String text = procText(file, key);
        return text.isEmpty() ? -1 : Long.parseLong(text.replaceAll("\\D", ""));
    }

    private static String procText(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
