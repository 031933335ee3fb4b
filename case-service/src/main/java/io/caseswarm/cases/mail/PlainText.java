package io.caseswarm.cases.mail;

import java.util.regex.Pattern;

/** The one shape all text of a mail is handed over in: \n line ends, no trailing spaces, at most one blank line. */
final class PlainText {

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+$", Pattern.MULTILINE);
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private PlainText() {
    }

    static String lineEndsNormalized(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static String tidy(String text) {
        String lines = TRAILING_SPACE.matcher(lineEndsNormalized(text)).replaceAll("");
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }
}
