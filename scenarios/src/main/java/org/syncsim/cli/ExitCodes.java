package org.syncsim.cli;

/** The process exit codes of every {@code syncsim} command. */
public final class ExitCodes {
    /** Everything ran; nothing the user asked to fail on happened. */
    public static final int OK = 0;
    /**
     * The simulation ran and found a failure: one the user asked to fail on ({@code --fail-on}), or a replication
     * that processed more than {@code run.event-cap} events (a protocol looping without end).
     */
    public static final int SIMULATION_FAILURE = 1;
    /**
     * Bad input: no command, unknown option, unreadable or invalid scenario file, bad parameter value, or a run
     * estimated too large without {@code --allow-large}.
     */
    public static final int BAD_INPUT = 2;
    /**
     * A bug in SyncSim itself (an unexpected exception) or an {@link OutOfMemoryError}: one line on stderr names
     * a log file holding the stack trace ({@code CrashLog}).
     */
    public static final int INTERNAL_ERROR = 3;

    private ExitCodes() {
    }
}
