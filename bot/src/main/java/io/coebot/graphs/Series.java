package io.coebot.graphs;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One time series of a query's answer: its labels (the metric name under {@code __name__}, when the query kept it)
 * and its samples, oldest first. Arrays rather than lists of records: a graph holds up to 11,000 points, and a
 * boxed point costs about ten times its two numbers.
 *
 * @param timesMillis epoch milliseconds
 * @param values      NaN where the server said NaN (drawn as a break in the line)
 */
record Series(Map<String, String> labels, long[] timesMillis, double[] values) {
    public Series {
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
        Objects.requireNonNull(timesMillis, "timesMillis");
        Objects.requireNonNull(values, "values");
        if (timesMillis.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    public int size() {
        return values.length;
    }

    /** The highest value, NaN when it has none: how the busiest series are chosen when there are too many to draw. */
    public double peak() {
        double peak = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(peak) || v > peak)) {
                peak = v;
            }
        }
        return peak;
    }
}
