package org.syncsim.baseline;

import java.util.List;

/**
 * Where a replication's trace first differs from its baseline fingerprint. Within the fingerprint's per-event
 * prefix it is one event ({@code exact}), with the kind the baseline recorded there ({@code baselineKind}, null
 * when the baseline's trace had ended); beyond it, the block of events it lies in ({@code first} to {@code last}).
 * {@code line} is this run's event there as a trace file writes it ({@code time_s kind details}; null when this
 * run's trace had ended) and {@code before} the events just before, which both runs share.
 */
public record Divergence(boolean exact, long first, long last, String line, String baselineKind,
        List<String> before) {
    public Divergence {
        before = List.copyOf(before);
    }
}
