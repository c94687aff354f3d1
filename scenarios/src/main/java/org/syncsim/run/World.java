package org.syncsim.run;

import java.util.List;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.Latency;
import org.syncsim.scenario.Loss;

/**
 * The simulated raid of one replication, as the timeline acts on it: the channel, the clients and the ground
 * truth behind one small interface, so that runs, results and the CLI do not depend on how they are built.
 *
 * <p>A world reports to the run's {@link org.syncsim.metrics.RunRecorder} everything the recorder cannot see
 * from messages: initial data and membership, joins and leaves (also those the server forces), imports, and at
 * {@link #finish} which members are desynced. Client arguments are roster ids.
 */
public interface World {
    /** The member joins the raid (logging in first if offline). */
    void join(long now, int client);

    /** The member leaves the raid and stays online. */
    void leave(long now, int client);

    /** The member's connection drops; it is offline until {@link #reconnect}. */
    void disconnect(long now, int client);

    /** A disconnected member logs back in, into the raid. */
    void reconnect(long now, int client);

    /** {@code /reload}: runtime state lost, a loading screen of {@code loadingMicros}. */
    void reload(long now, int client, long loadingMicros);

    /** A loading screen of {@code micros}; state kept, deliveries meanwhile lost. */
    void loadingScreen(long now, int client, long micros);

    /** The member imports a new version in which {@code changedSections} (1-based) changed; null means all. */
    void importData(long now, int client, List<Integer> changedSections);

    /**
     * The member imports a new version through the plain-Lua-text path (B38): as {@link #importData}, but the
     * addon stores only the new timestamp. Only for profiles with {@code ProfileFeature.PLAIN_TEXT_IMPORT}.
     */
    default void importPlainText(long now, int client, List<Integer> changedSections) {
        throw new UnsupportedOperationException("this world does not model the plain-text import path");
    }

    /** The member presses the options' "Example" button ({@code ProfileFeature.EXAMPLE_BUTTON} profiles only). */
    default void exampleButton(long now, int client) {
        throw new UnsupportedOperationException("this world does not model the Example button");
    }

    /** The member ticks or unticks "Live Sync" and/or "Tank Sync"; null leaves a box as it is. */
    default void options(long now, int client, Boolean liveSync, Boolean tankSync) {
        throw new UnsupportedOperationException("this world does not model the options checkboxes");
    }

    /** The member opens a section (1-based). */
    void navigate(long now, int client, int section);

    /**
     * A skull mark on a mob of section {@code section}: each of {@code autoNavigators} (the members running
     * AutoNavigate) that is in the game navigates there, as if by hand, at this instant.
     */
    default void skullMark(long now, int section, List<Integer> autoNavigators) {
        for (int c : autoNavigators) {
            navigate(now, c, section);
        }
    }

    /** The member presses Sync All. */
    void syncAll(long now, int client);

    /** The member asks for the whole dataset (the {@code seed} profile's manual full sync). */
    void fullSync(long now, int client);

    /** From now on, deliveries to {@code client} (to all if {@code client < 0}) use these models (null: keep). */
    void network(long now, int client, Latency latency, Loss loss);

    /** The member's modified client sends rogue message number {@code k} (0-based) of {@code rogue}. */
    void rogue(long now, int client, Action.Rogue rogue, int k);

    /** Nothing that could still change the outcome is pending besides ordinary protocol timers (e.g. no member is mid-reload). */
    boolean settled();

    /**
     * The run is over: compare every member's state with the ground truth and report desyncs, then let go of what
     * the run held (nothing is delivered afterwards).
     */
    void finish(long now);
}
