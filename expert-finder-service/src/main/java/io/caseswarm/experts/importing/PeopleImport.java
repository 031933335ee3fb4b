package io.caseswarm.experts.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.importing.ImportResult.FailedLine;
import io.caseswarm.experts.service.DirectoryCommands;
import io.caseswarm.platform.rest.Problem.FieldError;

/**
 * Imports a directory sent as NDJSON, one person per line: each line is read and validated as {@code POST /people}
 * reads its body ({@link PersonLines}); good ones are registered or changed (upsert by id) through the same events,
 * {@code batch-size} people to a transaction, so that a large HR sync costs few commits. Blank lines are skipped.
 */
@ApplicationScoped
public class PeopleImport {

    private final PersonLines lines;
    private final DirectoryCommands commands;
    private final int batchSize;
    private final int maxLineChars;

    PeopleImport(PersonLines lines, DirectoryCommands commands,
            @ConfigProperty(name = "caseswarm.people-import.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "caseswarm.people-import.max-line-chars", defaultValue = "16384") int maxLineChars) {
        this.lines = lines;
        this.commands = commands;
        this.batchSize = batchSize;
        this.maxLineChars = maxLineChars;
    }

    public ImportResult importPeople(InputStream body) throws IOException {
        List<FailedLine> failed = new ArrayList<>();
        Map<String, Profile> batch = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        int applied = 0;
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
            // The same person twice in one batch: the later line is the one that counts, as it would be later.
            if (batch.containsKey(parsed.request().id())) {
                applied += flush(batch, lineOf, failed);
            }
            batch.put(parsed.request().id(), parsed.request().profile());
            lineOf.put(parsed.request().id(), number);
            if (batch.size() >= batchSize) {
                applied += flush(batch, lineOf, failed);
            }
        }
        applied += flush(batch, lineOf, failed);
        failed.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ImportResult(applied, failed);
    }

    private int flush(Map<String, Profile> batch, Map<String, Integer> lineOf, List<FailedLine> failed) {
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, String> refused = commands.upsertAll(batch);
        refused.forEach((personId, why) -> failed.add(new FailedLine(lineOf.get(personId),
                List.of(new FieldError("id", why)))));
        int applied = batch.size() - refused.size();
        batch.clear();
        lineOf.clear();
        return applied;
    }
}
