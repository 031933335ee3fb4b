package io.caseswarm.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Nearest-rank percentiles of timings, for the benchmarks' tables: p50 is a value that was really
 * measured, never one interpolated between two.
 */
final class Percentiles {

    private final List<Double> sorted;

    private Percentiles(List<Double> sorted) {
        this.sorted = sorted;
    }

    static Percentiles of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values to take percentiles of");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new Percentiles(sorted);
    }

    /** The smallest value that at least {@code p} percent of the values do not exceed. */
    double at(double p) {
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    double max() {
        return sorted.getLast();
    }
}
