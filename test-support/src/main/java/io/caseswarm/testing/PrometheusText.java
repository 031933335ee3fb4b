package io.caseswarm.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus scrape ({@code /q/metrics}), as a dashboard would. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labels} (e.g. {@code topic="x"}). */
    public static double sum(String scrape, String name, String labels) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "\\{?([^}\\n]*)}? ([0-9.eE+-]+|NaN)$",
                Pattern.MULTILINE).matcher(scrape);
        double total = 0;
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }
}
