package io.caseswarm.cases.rest;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Disposition} header both ways, with file names in any script.
 *
 * <p>Read from a form part as RFC 7578 and browsers write it: {@code name}, and {@code filename} quoted (any
 * character but the quote, which browsers send as {@code %22}; a backslash is a backslash, as in the Windows
 * paths some send) or percent-encoded in {@code filename*} (RFC 8187), which wins when both are there.
 *
 * <p>Written for a download as RFC 6266 says: {@code attachment}, with {@code filename*} carrying the name in
 * UTF-8, percent-encoded, and {@code filename} an ASCII stand-in for clients that know no better.
 */
record ContentDisposition(String name, String fileName) {

    /** RFC 8187's attr-char besides letters and digits: what stays as it is. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiStandIn(fileName) + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    private static String asciiStandIn(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return ascii.toString();
    }

    private static String percentEncoded(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    static ContentDisposition parse(String header) {
        Map<String, String> parameters = parameters(header == null ? "" : header);
        String fileName = parameters.get("filename");
        if (parameters.containsKey("filename*")) {
            String extended = extended(parameters.get("filename*"));
            fileName = extended != null ? extended : fileName == null ? "" : fileName;
        }
        return new ContentDisposition(parameters.get("name"), fileName);
    }

    boolean isFile() {
        return fileName != null;
    }

    /** Parameters after the first {@code ;}, names in lower case; a quoted value may hold {@code ;} and {@code =}. */
    private static Map<String, String> parameters(String header) {
        Map<String, String> parameters = new HashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int equals = header.indexOf('=', i + 1);
            if (equals < 0) {
                break;
            }
            String name = header.substring(i + 1, equals).strip().toLowerCase(Locale.ROOT);
            int valueStart = equals + 1;
            while (valueStart < header.length() && header.charAt(valueStart) == ' ') {
                valueStart++;
            }
            StringBuilder value = new StringBuilder();
            if (valueStart < header.length() && header.charAt(valueStart) == '"') {
                i = quoted(header, valueStart + 1, value);
                i = header.indexOf(';', i);
            } else {
                i = header.indexOf(';', valueStart);
                value.append(header, valueStart, i < 0 ? header.length() : i);
            }
            parameters.putIfAbsent(name, value.toString().strip());
        }
        return parameters;
    }

    /** Reads a quoted string from {@code from} into {@code value}; answers where it ends. */
    private static int quoted(String header, int from, StringBuilder value) {
        int i = from;
        while (i < header.length() && header.charAt(i) != '"') {
            if (header.charAt(i) == '\\' && i + 1 < header.length() && header.charAt(i + 1) == '"') {
                i++; // an escaped quote
            }
            value.append(header.charAt(i++));
        }
        return i + 1;
    }

    /** {@code charset'language'percent-encoded}: UTF-8 or ISO-8859-1, as RFC 8187 allows. */
    private static String extended(String value) {
        String[] pieces = value.split("'", 3);
        if (pieces.length < 3) {
            return null;
        }
        try {
            Charset charset = Charset.forName(pieces[0].strip());
            if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.ISO_8859_1)) {
                return null;
            }
            return URLDecoder.decode(pieces[2].replace("+", "%2B"), charset);
        } catch (IllegalArgumentException e) { // an unknown or malformed charset, a broken escape
            return null;
        }
    }
}
