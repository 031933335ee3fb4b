package io.caseswarm.k8s;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The anchors of a Markdown document's headings, as GitHub makes them (lower case, spaces to hyphens). */
final class Runbooks {

    private Runbooks() {
    }

    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
