package org.modhub.moderation.bench;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a sample, in the sample's unit. */
record Percentiles(int count, double p50, double p99, double max) {

    static Percentiles of(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return of(sorted);
    }

    static Percentiles of(double[] sorted) {
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
