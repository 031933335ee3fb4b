package io.caseswarm.cases.attachment;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The name a file is kept and offered under: the client's, made safe to show and to save anywhere. Only
 * its last path segment is kept ({@code ../../etc/passwd} is {@code passwd}, {@code C:\Users\ada\a.pdf} is
 * {@code a.pdf}); control characters and the invisible direction marks that make {@code exe.pdf} look like
 * {@code fdp.exe} are removed; characters no file system takes in a name become {@code _}. Letters of every
 * script stay, in Unicode's composed form. At most {@value #MAX_LENGTH} characters, the extension kept.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 200;
    private static final String FALLBACK = "attachment";
    /** Controls, and the bidirectional marks, embeddings, overrides and isolates. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");
    private static final Pattern RESERVED = Pattern.compile("[<>:\"|?*]");
    private static final Pattern ONLY_DOTS = Pattern.compile("\\.*");

    private FileNames() {
    }

    public static String sanitised(String clientName) {
        String name = clientName == null ? "" : Normalizer.normalize(clientName, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = RESERVED.matcher(INVISIBLE.matcher(name).replaceAll("")).replaceAll("_").strip();
        if (ONLY_DOTS.matcher(name).matches()) { // nothing left, or a name that means "this folder" or "the one above"
            return FALLBACK;
        }
        return shortened(name);
    }

    /** Cuts the part before the extension, counting characters as people do (a code point is one). */
    private static String shortened(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
