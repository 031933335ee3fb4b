package io.caseswarm.experts.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a labelled dataset: JSON Lines, each line an event in CloudEvents structured mode or a judged query
 * ({@code "type": "query"}). Blank lines are skipped. The first line that is neither is a
 * {@link MalformedDatasetException} naming it: an evaluation over a half-read dataset would report figures
 * about data nobody meant.
 */
public final class DatasetReader {

    static final String QUERY_TYPE = "query";
    private static final String SPEC_VERSION = "1.0";
    private static final List<String> ENVELOPE = List.of("id", "type", "source", "subject", "time");
    private static final int MAX_GRADE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetReader() {
    }

    public static List<DatasetEntry> read(Path file) {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static List<DatasetEntry> read(BufferedReader lines) throws IOException {
        List<DatasetEntry> entries = new ArrayList<>();
        int number = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            number++;
            if (!text.isBlank()) {
                entries.add(entry(number, text));
            }
        }
        return entries;
    }

    static DatasetEntry entry(int line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedDatasetException(line, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedDatasetException(line, "not a JSON object");
        }
        return QUERY_TYPE.equals(node.path("type").asText()) ? query(line, node) : event(line, node);
    }

    private static DatasetEvent event(int line, JsonNode node) {
        if (!SPEC_VERSION.equals(node.path("specversion").asText(null))) {
            throw new MalformedDatasetException(line, "an event needs \"specversion\": \"1.0\" (CloudEvents structured"
                    + " mode), or \"type\": \"query\" for a query");
        }
        for (String field : ENVELOPE) {
            text(line, node, field);
        }
        try {
            OffsetDateTime.parse(node.get("time").asText());
        } catch (DateTimeParseException e) {
            throw new MalformedDatasetException(line, "\"time\" is not an RFC 3339 date-time: " + node.get("time"));
        }
        if (!node.path("data").isObject()) {
            throw new MalformedDatasetException(line, "\"data\" must be the event's JSON object");
        }
        return new DatasetEvent(line, node);
    }

    private static JudgedQuery query(int line, JsonNode node) {
        String id = text(line, node, "id");
        JsonNode skills = node.path("skills");
        if (!skills.isArray() || skills.isEmpty()) {
            throw new MalformedDatasetException(line, "query " + id + ": \"skills\" must be a non-empty array");
        }
        List<String> skillNames = new ArrayList<>();
        for (JsonNode skill : skills) {
            if (!skill.isTextual() || skill.asText().isBlank()) {
                throw new MalformedDatasetException(line, "query " + id + ": every skill must be a non-blank string");
            }
            skillNames.add(skill.asText());
        }
        JsonNode product = node.path("product");
        if (!product.isTextual() && !product.isNull()) {
            throw new MalformedDatasetException(line, "query " + id + ": \"product\" must be a string or null");
        }
        JsonNode text = node.path("text");
        if (!text.isTextual()) {
            throw new MalformedDatasetException(line, "query " + id + ": \"text\" must be a string");
        }
        JsonNode teamSize = node.path("teamSize");
        if (!teamSize.isIntegralNumber() || !teamSize.canConvertToInt() || teamSize.asInt() < 1) {
            throw new MalformedDatasetException(line, "query " + id + ": \"teamSize\" must be a whole number >= 1");
        }
        FinderQuery query = new FinderQuery(id, List.copyOf(skillNames), product.isNull() ? null : product.asText(),
                text.asText(), teamSize.asInt());
        return new JudgedQuery(line, query, grades(line, id, node.path("relevant")));
    }

    private static Map<String, Integer> grades(int line, String id, JsonNode relevant) {
        if (!relevant.isObject()) {
            throw new MalformedDatasetException(line, "query " + id + ": \"relevant\" must be an object of personId"
                    + " to grade 0-3");
        }
        Map<String, Integer> grades = new LinkedHashMap<>();
        relevant.properties().forEach(judged -> {
            JsonNode grade = judged.getValue();
            if (!grade.isIntegralNumber() || grade.asInt() < 0 || grade.asInt() > MAX_GRADE) {
                throw new MalformedDatasetException(line, "query " + id + ": the grade of " + judged.getKey()
                        + " must be a whole number 0-3, not " + grade);
            }
            grades.put(judged.getKey(), grade.asInt());
        });
        return grades;
    }

    private static String text(int line, JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedDatasetException(line, "\"" + field + "\" is missing or not a non-blank string");
        }
        return value.asText();
    }
}
