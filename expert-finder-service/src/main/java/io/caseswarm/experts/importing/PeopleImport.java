package io.caseswarm.experts.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.importing.ImportResult.FailedLine;
import io.caseswarm.experts.service.DirectoryCommands;
import io.caseswarm.platform.rest.Problem.FieldError;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Imports a directory sent as NDJSON, one person per line: each line is read and validated as {@code POST /people}
 * reads its body ({@link PersonLines}); good ones are registered or changed (upsert by id) through the same events,
 * {@code batch-size} people to a transaction, so that a large HR sync costs few commits, in {@code parallelism}
 * lanes written at once. Blank lines are skipped.
 */
@ApplicationScoped
public class PeopleImport {

    private final PersonLines lines;
    private final DirectoryCommands commands;
    private final int batchSize;
    private final int maxLineChars;
    private final int parallelism;
    /** One writer thread per lane, shared by all imports: two imports at once take turns on each lane. */
    private final List<ExecutorService> writers = new ArrayList<>();
    /** Lines are parsed and validated on every core: on one thread, reading a line cost more than writing it. */
    private final ExecutorService parsers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("people-import-parser-", 0).daemon().factory());
    private static final int CHUNK = 250;

    PeopleImport(PersonLines lines, DirectoryCommands commands,
            @ConfigProperty(name = "caseswarm.people-import.batch-size", defaultValue = "2000") int batchSize,
            @ConfigProperty(name = "caseswarm.people-import.max-line-chars", defaultValue = "16384") int maxLineChars,
            @ConfigProperty(name = "caseswarm.people-import.parallelism", defaultValue = "4") int parallelism) {
        this.lines = lines;
        this.commands = commands;
        this.batchSize = batchSize;
        this.maxLineChars = maxLineChars;
        this.parallelism = parallelism;
        for (int i = 0; i < parallelism; i++) {
            writers.add(Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("people-import-" + i).daemon().factory()));
        }
    }

    public ImportResult importPeople(InputStream body) throws IOException {
        List<FailedLine> failed = new ArrayList<>();
        Lane[] lanes = new Lane[parallelism];
        for (int i = 0; i < parallelism; i++) {
            lanes[i] = new Lane(writers.get(i));
        }
        // Lines are read here and parsed in chunks on the parsers' threads, a few chunks ahead; their results are
        // handed to the lanes in the order of the lines.
        Deque<Future<List<ParsedLine>>> parsing = new ArrayDeque<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        List<String> chunk = new ArrayList<>(CHUNK);
        int first = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            chunk.add(line);
            if (chunk.size() == CHUNK) {
                parsing.add(parse(chunk, first));
                first += CHUNK;
                chunk = new ArrayList<>(CHUNK);
                while (parsing.size() > 2 * parallelism) {
                    dispatch(parsing.poll(), lanes, failed);
                }
            }
        }
        parsing.add(parse(chunk, first));
        while (!parsing.isEmpty()) {
            dispatch(parsing.poll(), lanes, failed);
        }
        int applied = 0;
        for (Lane lane : lanes) {
            lane.flush();
        }
        for (Lane lane : lanes) {
            applied += lane.await(failed);
        }
        failed.sort(Comparator.comparingInt(FailedLine::line));
        return new ImportResult(applied, failed);
    }

    /** A line read: its number, and the person on it or why it was refused (blank lines are left out). */
    private record ParsedLine(int number, PersonLines.Parsed parsed, FailedLine refused) {
    }

    private Future<List<ParsedLine>> parse(List<String> chunk, int firstNumber) {
        return parsers.submit(() -> {
            List<ParsedLine> parsed = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                String line = chunk.get(i);
                int number = firstNumber + i;
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > maxLineChars) {
                    parsed.add(new ParsedLine(number, null, new FailedLine(number, List.of(new FieldError("line",
                            "is longer than " + maxLineChars + " characters")))));
                    continue;
                }
                PersonLines.Parsed person = lines.parse(line);
                parsed.add(new ParsedLine(number, person,
                        person.good() ? null : new FailedLine(number, person.problems())));
            }
            return parsed;
        });
    }

    /**
     * A chunk's good lines go to the lanes. One person always goes down the same lane, whose batches are written
     * one after another: their lines are applied in the order they came, the last one counting.
     */
    private static void dispatch(Future<List<ParsedLine>> chunk, Lane[] lanes, List<FailedLine> failed) {
        for (ParsedLine line : result(chunk)) {
            if (line.refused() != null) {
                failed.add(line.refused());
            } else {
                String id = line.parsed().request().id();
                lanes[Math.floorMod(id.hashCode(), lanes.length)].add(id, line.parsed().request().profile(),
                        line.number());
            }
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while importing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Import failed", e.getCause());
        }
    }

    /**
     * One of the import's parallel writers: it gathers people into batches and has its own thread write them, one
     * transaction each, in order. Parallel lanes keep the database busy while each batch waits for its round trips.
     */
    private final class Lane {
        private final ExecutorService writer;
        private final List<Future<List<FailedLine>>> written = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();
        private Map<String, Profile> batch = new LinkedHashMap<>();
        private Map<String, Integer> lineOf = new LinkedHashMap<>();

        Lane(ExecutorService writer) {
            this.writer = writer;
        }

        void add(String id, Profile profile, int line) {
            if (batch.containsKey(id)) {
                flush(); // the same person twice in a batch: the later line goes into the next one
            }
            batch.put(id, profile);
            lineOf.put(id, line);
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, Profile> people = batch;
            Map<String, Integer> lines = lineOf;
            batch = new LinkedHashMap<>();
            lineOf = new LinkedHashMap<>();
            sizes.add(people.size());
            written.add(writer.submit(() -> commands.upsertAll(people).entrySet().stream()
                    .map(refused -> new FailedLine(lines.get(refused.getKey()),
                            List.of(new FieldError("id", refused.getValue()))))
                    .toList()));
        }

        /** How many people this lane applied; the lines it refused are added to {@code failed}. */
        int await(List<FailedLine> failed) {
            int applied = 0;
            for (int i = 0; i < written.size(); i++) {
                List<FailedLine> refused = result(written.get(i));
                failed.addAll(refused);
                applied += sizes.get(i) - refused.size();
            }
            return applied;
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        writers.forEach(ExecutorService::shutdownNow);
        parsers.shutdownNow();
    }
}
