package io.caseswarm.cases.mail;

/**
 * Undoes RFC 3676 format=flowed (Thunderbird, Apple Mail): a line ending in a space goes on in the next line, so a
 * paragraph is read as one line instead of being cut at 72 characters.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean deleteSpace) {
        String[] lines = PlainText.lineEndsNormalized(text).split("\n", -1);
        StringBuilder out = new StringBuilder();
        int paragraphDepth = -1; // quote depth of the paragraph still open, -1 when none is
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) { // space-stuffing
                content = content.substring(1);
            }
            if (paragraphDepth >= 0 && paragraphDepth != depth) {
                out.append('\n'); // a flowed line may not flow into a different quote depth
                paragraphDepth = -1;
            }
            if (paragraphDepth < 0 && depth > 0) {
                out.append(">".repeat(depth)).append(' ');
            }
            boolean flowed = content.endsWith(" ") && !content.equals("-- ");
            out.append(flowed && deleteSpace ? content.substring(0, content.length() - 1) : content);
            if (flowed) {
                paragraphDepth = depth;
            } else {
                out.append('\n');
                paragraphDepth = -1;
            }
        }
        return out.toString();
    }
}
