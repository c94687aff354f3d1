package org.syncsim.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows every client's progress toward the newest data ({@link MetricsRecorder#progress}) and keeps, per time
 * bucket, the state at the bucket's end: mean and minimum over all clients, how many are complete (progress 1), and
 * which clients changed. Clients that never report count as 0. Work happens only when a report opens a new bucket
 * (one pass over the clients), not per report.
 */
final class ProgressTracker {
    private final long bucketMicros;
    private final double[] current;
    private final double[] listed;
    private int closed;
    private double[] mean = new double[16];
    private double[] min = new double[16];
    private int[] complete = new int[16];
    private final List<ProgressChange> changes = new ArrayList<>();

    ProgressTracker(int clients, long bucketMicros) {
        this.bucketMicros = bucketMicros;
        current = new double[clients];
        listed = new double[clients];
        Arrays.fill(listed, Double.NaN);
    }

    /** Reports arrive in time order, as the simulation makes them. */
    void report(long time, int client, double fraction) {
        close((int) (time / bucketMicros));
        current[client] = fraction;
    }

    /**
     * Closes the buckets before {@code upTo}: every report since the last close fell in the first of them (a report in
     * a later one would have closed it), so their ends all see the current state, and its changes belong to the first.
     */
    private void close(int upTo) {
        if (upTo <= closed) {
            return;
        }
        if (upTo > mean.length) {
            int cap = Math.max(upTo, mean.length * 2);
            mean = Arrays.copyOf(mean, cap);
            min = Arrays.copyOf(min, cap);
            complete = Arrays.copyOf(complete, cap);
        }
        double sum = 0;
        double lowest = current.length == 0 ? 0 : 1;
        int full = 0;
        for (int c = 0; c < current.length; c++) {
            double p = current[c];
            sum += p;
            lowest = Math.min(lowest, p);
            full += p == 1 ? 1 : 0;
            if (p != listed[c]) {
                changes.add(new ProgressChange(closed * bucketMicros, c, p));
                listed[c] = p;
            }
        }
        double avg = current.length == 0 ? 0 : sum / current.length;
        Arrays.fill(mean, closed, upTo, avg);
        Arrays.fill(min, closed, upTo, lowest);
        Arrays.fill(complete, closed, upTo, full);
        closed = upTo;
    }

    /** Closes every bucket up to {@code buckets} (the end of the run is in the last one). */
    void finish(int buckets) {
        close(buckets);
    }

    double mean(int bucket) {
        return mean[bucket];
    }

    double min(int bucket) {
        return min[bucket];
    }

    int complete(int bucket) {
        return complete[bucket];
    }

    List<ProgressChange> changes() {
        return List.copyOf(changes);
    }
}
