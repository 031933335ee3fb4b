package io.caseswarm.system;

/**
 * What a figure of the benchmark suite must reach: a multiple of its measured baseline (at least
 * or at most), an absolute bound, or nothing (a figure reported for the record).
 */
record BenchGoal(Kind kind, double bound, String text) {

    enum Kind { AT_LEAST_TIMES_BASELINE, AT_MOST_TIMES_BASELINE, AT_MOST, AT_LEAST, NONE }

    static BenchGoal atLeastTimesBaseline(double factor) {
        return new BenchGoal(Kind.AT_LEAST_TIMES_BASELINE, factor, "≥ " + trim(factor) + "× baseline");
    }

    static BenchGoal atMostTimesBaseline(double factor) {
        return new BenchGoal(Kind.AT_MOST_TIMES_BASELINE, factor, "≤ " + trim(factor) + "× baseline");
    }

    static BenchGoal atMost(double bound, String unit) {
        return new BenchGoal(Kind.AT_MOST, bound, "≤ " + trim(bound) + " " + unit);
    }

    static BenchGoal atLeast(double bound, String unit) {
        return new BenchGoal(Kind.AT_LEAST, bound, "≥ " + trim(bound) + " " + unit);
    }

    static BenchGoal none() {
        return new BenchGoal(Kind.NONE, 0, "—");
    }

    /** Whether {@code value} meets the goal, given the baseline it is judged against (NaN when there is none). */
    boolean metBy(double value, double baseline) {
        return switch (kind) {
            case AT_LEAST_TIMES_BASELINE -> value >= bound * baseline;
            case AT_MOST_TIMES_BASELINE -> value <= bound * baseline;
            case AT_MOST -> value <= bound;
            case AT_LEAST -> value >= bound;
            case NONE -> true;
        };
    }

    boolean judged() {
        return kind != Kind.NONE;
    }

    private static String trim(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
