package io.caseswarm.experts.domain;

import java.util.Arrays;

/**
 * How evenly invitations fall on people: the Gini coefficient of their counts, 0 when everyone was asked
 * equally often, towards 1 when a few are asked for everything. People never asked count, as zeros: a
 * finder that always asks the same handful of a large directory is uneven however evenly it spreads among
 * them.
 */
public final class InvitationSpread {

    private InvitationSpread() {
    }

    /** Of {@code counts} (one per person, none negative); 0 for nobody or no invitations at all. */
    public static double gini(long[] counts) {
        long total = Arrays.stream(counts).sum();
        int n = counts.length;
        if (n == 0 || total == 0) {
            return 0;
        }
        long[] ascending = counts.clone();
        Arrays.sort(ascending);
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (i + 1) * (double) ascending[i];
        }
        return 2 * weighted / (n * (double) total) - (n + 1) / (double) n;
    }
}
