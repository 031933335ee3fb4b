package io.caseswarm.experts.index;

import java.util.Arrays;

/**
 * The people who declared or showed one skill: their declared level (0: not declared) and their evidence of it
 * (relative to the index's epoch), sorted by slot so that one person's entry is found by binary search. New
 * people get the highest slots, so building the index appends. Not thread-safe: {@link ExpertIndex} guards it.
 */
final class PostingList {

    int[] slots = new int[8];
    byte[] levels = new byte[8];
    /** Null until somebody shows the skill: most skills of a directory freshly imported are declared only. */
    double[] evidence;
    int size;

    int find(int slot) {
        return Arrays.binarySearch(slots, 0, size, slot);
    }

    double evidence(int at) {
        return evidence == null ? 0 : evidence[at];
    }

    /** The person declares the skill at {@code level} (0: no longer); their evidence stays. */
    void declare(int slot, int level) {
        int at = find(slot);
        if (at < 0) {
            if (level == 0) {
                return;
            }
            at = insert(-at - 1, slot);
        }
        levels[at] = (byte) level;
        dropIfEmpty(at);
    }

    void addEvidence(int slot, double amount) {
        int at = find(slot);
        if (at < 0) {
            at = insert(-at - 1, slot);
        }
        if (evidence == null) {
            evidence = new double[slots.length];
        }
        evidence[at] += amount;
        dropIfEmpty(at);
    }

    private int insert(int at, int slot) {
        if (size == slots.length) {
            int grown = size * 2;
            slots = Arrays.copyOf(slots, grown);
            levels = Arrays.copyOf(levels, grown);
            if (evidence != null) {
                evidence = Arrays.copyOf(evidence, grown);
            }
        }
        System.arraycopy(slots, at, slots, at + 1, size - at);
        System.arraycopy(levels, at, levels, at + 1, size - at);
        if (evidence != null) {
            System.arraycopy(evidence, at, evidence, at + 1, size - at);
            evidence[at] = 0;
        }
        slots[at] = slot;
        levels[at] = 0;
        size++;
        return at;
    }

    private void dropIfEmpty(int at) {
        if (levels[at] == 0 && evidence(at) <= 0) {
            size--;
            System.arraycopy(slots, at + 1, slots, at, size - at);
            System.arraycopy(levels, at + 1, levels, at, size - at);
            if (evidence != null) {
                System.arraycopy(evidence, at + 1, evidence, at, size - at);
            }
        }
    }
}
