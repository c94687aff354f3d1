package org.syncsim.engine;

/** Why a call to {@link Simulation#run(RunLimits)} returned. */
public enum RunOutcome {
    /** Nothing left to happen. */
    QUEUE_EMPTY,
    /** The next event lies beyond the time limit; the clock was advanced to the limit. */
    TIME_LIMIT,
    /** The stop condition became true. */
    STOPPED
}
