package io.caseswarm.experts.index;

import io.caseswarm.experts.domain.CandidateScoring;
import io.caseswarm.experts.domain.FinderWeights;

/**
 * One thread's working arrays for a query, sized to the directory and reused from query to query. Each per-person
 * value has a stamp beside it saying which query (or which asked skill) wrote it, so nothing is cleared between
 * queries: a value with an old stamp reads as nothing.
 */
final class Scratch {

    static final int BUCKETS = 4096;

    private int stamp;
    private int skillStamp;
    private int[] seen = new int[0];
    private double[] sums = new double[0];
    private int[] skillSeen = new int[0];
    private double[] current = new double[0];
    private int[] skillTouched = new int[0];
    private int skillTouchedCount;
    private int[] mustSeen = new int[0];
    private int[] likeSeen = new int[0];
    private double[] likeness = new double[0];
    int[] touched = new int[0];
    int touchedCount;
    double[] bounds = new double[0];
    int[] bucketOf = new int[0];
    int[] order = new int[0];
    final int[] bucketStart = new int[BUCKETS + 1];
    final int[] next = new int[BUCKETS + 1];

    Scratch fit(int people) {
        if (seen.length < people) {
            int length = Math.max(people, seen.length * 2);
            seen = new int[length];
            sums = new double[length];
            skillSeen = new int[length];
            current = new double[length];
            skillTouched = new int[length];
            mustSeen = new int[length];
            likeSeen = new int[length];
            likeness = new double[length];
            touched = new int[length];
            bounds = new double[length];
            bucketOf = new int[length];
            order = new int[length];
            stamp = 0;
            skillStamp = 0;
        }
        if (stamp == Integer.MAX_VALUE || skillStamp > Integer.MAX_VALUE - 1_000) {
            java.util.Arrays.fill(seen, 0);
            java.util.Arrays.fill(skillSeen, 0);
            java.util.Arrays.fill(mustSeen, 0);
            java.util.Arrays.fill(likeSeen, 0);
            stamp = 0;
            skillStamp = 0;
        }
        stamp++;
        touchedCount = 0;
        return this;
    }

    /** Starts on one asked skill: each person's best credit for it is gathered over the skills that count for it. */
    void beginSkill() {
        skillStamp++;
        skillTouchedCount = 0;
    }

    /** Each holder of the list's skill, credited {@code share} of their expertise in it, if that is their best yet. */
    void best(PostingList list, double share, double evidenceNow, FinderWeights weights) {
        int[] slots = list.slots;
        byte[] levels = list.levels;
        double[] evidence = list.evidence;
        for (int i = 0, n = list.size; i < n; i++) {
            double credit = evidence == null || evidence[i] == 0 || evidenceNow == 0 ? share * levels[i] / 5.0
                    : share * CandidateScoring.expertise(levels[i], evidence[i] * evidenceNow, weights);
            if (credit <= 0) {
                continue;
            }
            int slot = slots[i];
            if (skillSeen[slot] != skillStamp) {
                skillSeen[slot] = skillStamp;
                current[slot] = credit;
                skillTouched[skillTouchedCount++] = slot;
            } else if (credit > current[slot]) {
                current[slot] = credit;
            }
        }
    }

    /** Adds the asked skill's best credits ({@code times} over when it was asked more than once) to the sums. */
    void fold(int times, boolean mustHave) {
        for (int i = 0; i < skillTouchedCount; i++) {
            int slot = skillTouched[i];
            touch(slot);
            sums[slot] += times * current[slot];
            if (mustHave) {
                mustSeen[slot] = stamp;
            }
        }
    }

    void like(int slot, double value) {
        touch(slot);
        likeSeen[slot] = stamp;
        likeness[slot] = value;
    }

    double sum(int slot) {
        return seen[slot] == stamp ? sums[slot] : 0;
    }

    double similar(int slot) {
        return likeSeen[slot] == stamp ? likeness[slot] : 0;
    }

    boolean hasMustHave(int slot) {
        return mustSeen[slot] == stamp;
    }

    private void touch(int slot) {
        if (seen[slot] != stamp) {
            seen[slot] = stamp;
            sums[slot] = 0;
            touched[touchedCount++] = slot;
        }
    }
}
