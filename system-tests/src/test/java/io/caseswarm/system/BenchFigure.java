package io.caseswarm.system;

/**
 * One line of the benchmark suite's table: what was measured, its value, the baseline it is judged
 * against (measured in the same run, never typed in) and the goal.
 *
 * @param id the benchmark id (P1, P2, ...)
 * @param what the figure, in words
 * @param value the measured value, in {@code unit}
 * @param unit e.g. "cases/s", "ms", "MB"
 * @param baseline what the baseline is, in words; empty when the goal is absolute
 * @param baselineValue the baseline's measured value, in the same unit; NaN when there is none
 */
record BenchFigure(String id, String what, double value, String unit, String baseline, double baselineValue,
        BenchGoal goal) {

    static BenchFigure absolute(String id, String what, double value, String unit, BenchGoal goal) {
        return new BenchFigure(id, what, value, unit, "", Double.NaN, goal);
    }

    static BenchFigure against(String id, String what, double value, String unit, String baseline,
            double baselineValue, BenchGoal goal) {
        return new BenchFigure(id, what, value, unit, baseline, baselineValue, goal);
    }

    boolean hasBaseline() {
        return !Double.isNaN(baselineValue);
    }

    /** value ÷ baseline; NaN without a baseline. */
    double ratio() {
        return hasBaseline() && baselineValue != 0 ? value / baselineValue : Double.NaN;
    }

    boolean met() {
        return goal.metBy(value, baselineValue);
    }
}
