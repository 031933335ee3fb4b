package io.caseswarm.cases.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The test mail corpus (src/test/resources/mail-corpus) and its manifest corpus.json, read the way the intake
 * will use them: case-token placeholders {@code {{case:FILE}}} replaced by a case number before a mail is read.
 */
final class MailCorpus {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{case:([^}]+)}}");

    /** One manifest entry; absent optional fields are null or empty. */
    record Entry(String file, String effect, String kind, String from, String fromName, String subject,
            List<String> textContains, List<String> textExcludes, List<String> attachments, String replyTo,
            String about, List<String> bouncedRecipients, String bouncedMessageId, String note) {

        @Override
        public String toString() {
            return file;
        }
    }

    private final Path folder;
    private final List<Entry> entries;
    /** The made-up case number of each file that opens a case, as the intake would assign one. */
    private final Map<String, String> caseNumbers;

    MailCorpus() {
        try {
            folder = Path.of(MailCorpus.class.getResource("/mail-corpus/corpus.json").toURI()).getParent();
            JsonNode manifest = new ObjectMapper().readTree(folder.resolve("corpus.json").toFile());
            entries = new ArrayList<>();
            manifest.forEach(node -> entries.add(entry(node)));
        } catch (IOException | URISyntaxException unreadable) {
            throw new IllegalStateException("The mail corpus cannot be read", unreadable);
        }
        caseNumbers = entries.stream().collect(Collectors.toMap(Entry::file,
                entry -> "%06d".formatted(4200 + entries.indexOf(entry))));
    }

    List<Entry> entries() {
        return entries;
    }

    Entry entry(String file) {
        return entries.stream().filter(entry -> entry.file().equals(file)).findFirst().orElseThrow();
    }

    Path folder() {
        return folder;
    }

    /** The case number the intake would have given the case of {@code file}, without the "CS-". */
    String caseNumber(String file) {
        return caseNumbers.get(file);
    }

    /** The file's bytes as delivered: placeholders replaced; the rest byte for byte as written. */
    byte[] delivered(String file) {
        try {
            String bytes = new String(Files.readAllBytes(folder.resolve(file)), StandardCharsets.ISO_8859_1);
            return withCaseNumbers(bytes).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** An expectation of the manifest with its placeholders replaced like the mail's. */
    String withCaseNumbers(String text) {
        if (text == null) {
            return null;
        }
        Matcher placeholder = PLACEHOLDER.matcher(text);
        return placeholder.replaceAll(match -> {
            String number = caseNumbers.get(match.group(1));
            if (number == null) {
                throw new IllegalStateException("A placeholder names a file that is not in the corpus: " + match.group());
            }
            return number;
        });
    }

    List<String> withCaseNumbers(List<String> texts) {
        return texts.stream().map(this::withCaseNumbers).toList();
    }

    private static Entry entry(JsonNode node) {
        Function<String, String> text = field -> node.hasNonNull(field) ? node.get(field).asText() : null;
        Function<String, List<String>> list = field -> node.hasNonNull(field)
                ? Stream.of(node.get(field)).flatMap(array -> {
                    List<String> values = new ArrayList<>();
                    array.forEach(value -> values.add(value.asText()));
                    return values.stream();
                }).toList()
                : List.of();
        return new Entry(text.apply("file"), text.apply("effect"), text.apply("kind"), text.apply("from"),
                text.apply("fromName"), text.apply("subject"), list.apply("textContains"), list.apply("textExcludes"),
                list.apply("attachments"), text.apply("replyTo"), text.apply("about"),
                list.apply("bouncedRecipients"), text.apply("bouncedMessageId"), text.apply("note"));
    }
}
