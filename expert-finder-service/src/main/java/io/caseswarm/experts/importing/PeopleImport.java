package io.caseswarm.experts.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
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

    PeopleImport(PersonLines lines, DirectoryCommands commands,
            @ConfigProperty(name = "caseswarm.people-import.batch-size", defaultValue = "500") int batchSize,
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
        int number = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > maxLineChars) {
                failed.add(new FailedLine(number, List.of(new FieldError("line",
                        "is longer than " + maxLineChars + " characters"))));
                continue;
            }
            PersonLines.Parsed parsed = lines.parse(line);
            if (!parsed.good()) {
                failed.add(new FailedLine(number, parsed.problems()));
                continue;
            }
            String id = parsed.request().id();
            // One person always goes down the same lane, whose batches are written one after another: their
            // lines are applied in the order they came, the last one counting.
            lanes[Math.floorMod(id.hashCode(), parallelism)].add(id, parsed.request().profile(), number);
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
                try {
                    List<FailedLine> refused = written.get(i).get();
                    failed.addAll(refused);
                    applied += sizes.get(i) - refused.size();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while importing", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("Import failed", e.getCause());
                }
            }
            return applied;
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        writers.forEach(ExecutorService::shutdownNow);
    }
}
