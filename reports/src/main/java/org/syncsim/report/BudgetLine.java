package org.syncsim.report;

/** A throttle budget drawn on the bytes-over-time chart, e.g. the server's per-client limit in bytes per second. */
public record BudgetLine(String label, double bytesPerSecond) {
}
