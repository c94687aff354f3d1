package org.syncsim.baseline;

import java.util.Locale;
import java.util.Set;

/**
 * What a metric counts, which decides how far it may move before a baseline check fails: volumes and times by a
 * share of their value, counts of trouble (a member left waiting, a desync, a disconnect) not at all.
 */
public enum MetricKind {
    /** Messages, bytes, events, requests and the like: 2 % of the value. */
    VOLUME(new Tolerance(0.02, 0)),
    /** Times in seconds (run length, time to sync, queue delay): 5 % of the value, and 1 ms. */
    TIME(new Tolerance(0.05, 0.001)),
    /** Modelled Lua CPU in milliseconds: 5 % of the value, and 0.1 ms. */
    CPU(new Tolerance(0.05, 0.1)),
    /** Members waiting or desynced at the end, disconnects, Lua errors, refusals, hitches: any change. */
    TROUBLE(new Tolerance(0, 0));

    private static final Set<String> TIMES = Set.of("virtual_time_s", "time_to_sync_p50_s", "time_to_sync_p95_s",
            "time_to_sync_max_s", "queue_delay_p95_s", "queue_delay_max_s");
    private static final Set<String> CPUS = Set.of("cpu_total_ms", "cpu_worst_frame_ms");
    private static final Set<String> TROUBLES = Set.of("waiting_at_end", "never_synced_fraction", "desynced_at_end",
            "aborted_handlers", "malformed_messages", "refused_messages", "server_disconnects", "hitch_frames");

    private final Tolerance defaultTolerance;

    MetricKind(Tolerance defaultTolerance) {
        this.defaultTolerance = defaultTolerance;
    }

    /** The tolerance a metric of this kind has unless the baseline file says otherwise. */
    public Tolerance defaultTolerance() {
        return defaultTolerance;
    }

    /** The word a baseline file uses for the kind in {@code tolerances}, e.g. {@code time}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a metric key such as {@code sent_bytes.BSEC} (per-command metrics are volumes); volume if unknown. */
    public static MetricKind of(String metric) {
        String base = baseName(metric);
        if (TIMES.contains(base)) {
            return TIME;
        }
        if (CPUS.contains(base)) {
            return CPU;
        }
        return TROUBLES.contains(base) ? TROUBLE : VOLUME;
    }

    /** The metric without its command: {@code sent_bytes} for {@code sent_bytes.BSEC}. */
    static String baseName(String metric) {
        int dot = metric.indexOf('.');
        return dot < 0 ? metric : metric.substring(0, dot);
    }

    /** The kind named {@code key} in a baseline file, or null. */
    static MetricKind byKey(String key) {
        for (MetricKind k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }
}
