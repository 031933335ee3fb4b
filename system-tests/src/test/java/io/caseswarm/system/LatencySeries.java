package io.caseswarm.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One named latency distribution of the benchmark suite, kept in an HdrHistogram (microsecond
 * resolution, three significant digits, up to ten minutes). Safe to record into from many threads.
 */
final class LatencySeries {

    /** The percentiles every table, JSON file and chart shows. */
    static final double[] PERCENTILES = { 50, 90, 99, 99.9 };

    private final String name;
    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
    private final Histogram total = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);

    LatencySeries(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void recordNanos(long nanos) {
        recorder.recordValue(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), total.getHighestTrackableValue())));
    }

    void recordMillis(double millis) {
        recordNanos((long) (millis * 1_000_000));
    }

    /** Everything recorded so far. */
    synchronized Histogram histogram() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    long count() {
        return histogram().getTotalCount();
    }

    /** The latency at percentile {@code p}, in milliseconds. */
    double millisAt(double p) {
        return histogram().getValueAtPercentile(p) / 1000.0;
    }

    double maxMillis() {
        return histogram().getMaxValue() / 1000.0;
    }

    /** p50, p90, p99, p99.9 and max in milliseconds, and the count: the series as the JSON file shows it. */
    Map<String, Object> summary() {
        Histogram histogram = histogram();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("count", histogram.getTotalCount());
        for (double p : PERCENTILES) {
            summary.put("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)) + "Ms",
                    histogram.getValueAtPercentile(p) / 1000.0);
        }
        summary.put("maxMs", histogram.getMaxValue() / 1000.0);
        return summary;
    }

    String describe() {
        return "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d)".formatted(name, millisAt(50), millisAt(99), maxMillis(),
                count());
    }
}
