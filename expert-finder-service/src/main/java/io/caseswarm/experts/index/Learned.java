package io.caseswarm.experts.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.caseswarm.experts.domain.Evidence;

/**
 * What the index learned of one person beyond their postings: their experience per product (relative to the
 * index's epoch), and their latest evidence, to say in words why they rank where they do.
 */
final class Learned {

    private static final int RECENT = 64;
    private static final int LABELS = 3;

    final Map<String, Double> products = new HashMap<>();
    private final Deque<Evidence> recent = new ArrayDeque<>();

    void remember(Evidence evidence) {
        recent.addFirst(evidence);
        if (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    long count(Predicate<Evidence> which) {
        return recent.stream().filter(which).count();
    }

    /**
     * The person's recent evidence on {@code skill}, by kind: "helped on 3 swarms on postgres in the last 180 days:
     * CS-000012, CS-000031, …", counting what is within two half-lives (older evidence weighs under a quarter).
     */
    List<String> explain(String skill, String named, Instant now, Duration halfLife) {
        Instant since = now.minus(halfLife.multipliedBy(2));
        Map<Evidence.Kind, List<Evidence>> byKind = recent.stream()
                .filter(e -> e.kind().expertise() && e.skills().contains(skill) && e.at().isAfter(since))
                .collect(Collectors.groupingBy(Evidence::kind, LinkedHashMap::new, Collectors.toList()));
        List<String> notes = new ArrayList<>();
        byKind.forEach((kind, items) -> {
            List<String> labels = items.stream().map(Evidence::label).filter(l -> l != null).distinct().toList();
            String shown = String.join(", ", labels.subList(0, Math.min(LABELS, labels.size())))
                    + (labels.size() > LABELS ? ", …" : "");
            notes.add(kind.verb() + " " + items.size() + " " + noun(kind, items.size()) + " on " + named
                    + " in the last " + halfLife.multipliedBy(2).toDays() + " days" + (shown.isEmpty() ? "" : ": " + shown));
        });
        return notes;
    }

    /** "asked 3 times in the last 14 days, declined 1": what weighs on the person now. */
    String fatigue(Instant now, Duration halfLife) {
        Instant since = now.minus(halfLife.multipliedBy(2));
        long asked = count(e -> e.kind() == Evidence.Kind.INVITED && e.at().isAfter(since));
        long declined = count(e -> e.kind() == Evidence.Kind.DECLINED && e.at().isAfter(since));
        return "asked " + (asked == 1 ? "once" : asked == 2 ? "twice" : asked + " times") + " in the last "
                + halfLife.multipliedBy(2).toDays() + " days" + (declined > 0 ? ", declined " + declined : "");
    }

    private static String noun(Evidence.Kind kind, int count) {
        String noun = switch (kind) {
            case HELPED, CREDITED -> "swarm";
            case RESOLVED, ARTICLE_USED -> "case";
            case AUTHORED -> "article";
            default -> "time";
        };
        return count == 1 ? noun : noun + "s";
    }
}
