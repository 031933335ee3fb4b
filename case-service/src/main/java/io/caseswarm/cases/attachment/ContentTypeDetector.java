package io.caseswarm.cases.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells a file's content type from its bytes, never from its name: the signatures of the types a case may
 * take, and enough of the others to name them when refusing. Small on purpose: a full detection library
 * would know thousands of types, and a case needs a dozen.
 *
 * <p>Text is UTF-8 without the bytes that mark binary data (NUL and most other C0 controls, as in the
 * WHATWG MIME Sniffing standard). Text that opens like HTML or XML is named so (and is not text/plain: a
 * browser would run it). A mail is {@code message/rfc822} whatever the charset of its body. Whether other text is
 * CSV the bytes cannot tell, so that alone follows the client: text it calls {@code text/csv} or names
 * {@code .csv} is CSV, the rest plain text. Zip containers are told apart by their entries: {@code word/}
 * is a Word document, {@code xl/} a workbook, {@code ppt/} a presentation.
 */
public final class ContentTypeDetector {

    public static final String UNKNOWN = "application/octet-stream";

    private static final int HEAD_BYTES = 8 * 1024;
    private static final List<Signature> SIGNATURES = List.of(
            new Signature("application/pdf", "255044462d"), // %PDF-
            new Signature("image/png", "89504e470d0a1a0a"),
            new Signature("image/jpeg", "ffd8ff"),
            new Signature("image/gif", "474946383761"), // GIF87a
            new Signature("image/gif", "474946383961"), // GIF89a
            new Signature("application/zip", "504b0304"),
            new Signature("application/zip", "504b0506")); // an empty archive
    private static final List<ZipKind> OFFICE_DOCUMENTS = List.of(
            new ZipKind("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            new ZipKind("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            new ZipKind("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));
    /** WHATWG MIME Sniffing's patterns for HTML: a tag name followed by a space or {@code >}. */
    private static final Pattern HTML = Pattern.compile(
            "(?i)\\A\\s*<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\\s>]");
    private static final Pattern XML = Pattern.compile("(?i)\\A\\s*<(\\?xml|svg)[\\s>]");
    private static final Pattern HEADER_FIELD = Pattern.compile("^[\\x21-\\x39\\x3b-\\x7e]+:.*");
    private static final Set<String> MAIL_HEADERS = Set.of("date", "subject", "message-id", "received", "mime-version");

    private ContentTypeDetector() {
    }

    /** The type of {@code file}; {@code declaredType} and {@code name} only tell CSV from other text. */
    public static String detect(Path file, String declaredType, String name) throws IOException {
        byte[] head = head(file);
        for (Signature signature : SIGNATURES) {
            if (signature.matches(head)) {
                return signature.type().equals("application/zip") ? zipKind(file) : signature.type();
            }
        }
        if (isMail(head)) {
            return "message/rfc822";
        }
        if (!isText(file)) {
            return UNKNOWN;
        }
        String opening = new String(head, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        if (HTML.matcher(opening).lookingAt()) {
            return "text/html";
        }
        if (XML.matcher(opening).lookingAt()) {
            return "application/xml";
        }
        boolean calledCsv = "text/csv".equalsIgnoreCase(declaredType)
                || name.toLowerCase(Locale.ROOT).endsWith(".csv");
        return calledCsv ? "text/csv" : "text/plain";
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    /** Reads only the archive's directory: nothing is unpacked, so a zip bomb costs nothing here. */
    private static String zipKind(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            if (names.contains("[Content_Types].xml")) {
                for (ZipKind kind : OFFICE_DOCUMENTS) {
                    if (names.stream().anyMatch(entry -> entry.startsWith(kind.folder()))) {
                        return kind.type();
                    }
                }
            }
            return "application/zip";
        } catch (ZipException e) {
            return UNKNOWN; // zip's first bytes, but no archive
        }
    }

    private static boolean isText(Path file) throws IOException {
        char[] buffer = new char[HEAD_BYTES];
        try (Reader text = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            for (int read; (read = text.read(buffer)) >= 0;) {
                for (int i = 0; i < read; i++) {
                    if (isBinaryData(buffer[i])) {
                        return false;
                    }
                }
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The WHATWG's binary data bytes: C0 controls other than tab, line feed, form feed, carriage return, escape. */
    private static boolean isBinaryData(char c) {
        return c <= 0x08 || c == 0x0b || c >= 0x0e && c <= 0x1a || c >= 0x1c && c <= 0x1f;
    }

    /**
     * Header fields up to the first empty line, among them who it is from and one more a mail always has,
     * with no binary bytes among them. A mail's header is ASCII while its body may be in any charset (8-bit
     * KOI8-R or windows-1252 is not UTF-8), so a mail is told by its opening alone.
     */
    private static boolean isMail(byte[] head) {
        String opening = new String(head, StandardCharsets.ISO_8859_1);
        if (opening.chars().anyMatch(c -> isBinaryData((char) c))) {
            return false;
        }
        String[] lines = opening.split("\r?\n", -1);
        boolean from = false;
        boolean another = false;
        int fields = 0;
        // The last line may be cut off by the end of the head; judge only the complete ones.
        for (int i = 0; i < lines.length - 1 && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (fields == 0) {
                    return false;
                }
                continue; // a folded header field goes on
            }
            if (!HEADER_FIELD.matcher(line).matches()) {
                return false;
            }
            String field = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
            from |= field.equals("from");
            another |= MAIL_HEADERS.contains(field);
            fields++;
        }
        return from && another;
    }

    private record Signature(String type, byte[] bytes) {

        Signature(String type, String hex) {
            this(type, HexFormat.of().parseHex(hex));
        }

        boolean matches(byte[] head) {
            return head.length >= bytes.length && Arrays.equals(head, 0, bytes.length, bytes, 0, bytes.length);
        }
    }

    private record ZipKind(String folder, String type) {
    }
}
