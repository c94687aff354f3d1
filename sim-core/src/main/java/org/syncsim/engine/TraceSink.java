package org.syncsim.engine;

/** Receives trace lines (time, kind, details) when a run is traced; a run without a sink pays nothing. */
@FunctionalInterface
public interface TraceSink {
    void record(long time, String kind, String details);
}
