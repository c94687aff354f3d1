package org.syncsim.explore;

/**
 * What a run must never do. {@code head} and {@code seed} break some of these by design (their flaws, spec §9): the
 * explorer reports how often, as findings; for {@code plan} at its defaults a broken invariant is a bug to fix or
 * document.
 */
public enum Invariant {
    /** A Java exception escaped the simulation: a bug of SyncSim (a Lua error is modelled and is not one). */
    JAVA_EXCEPTION("java-exception", "a Java exception escaped the simulation (a SyncSim bug)", ""),
    /** Every copy of a sent message is delivered or lost at most once, and no copy of an unsent message appears. */
    CONSERVATION("conservation", "a message copy was accounted twice, or a copy of a message never sent appeared",
            ""),
    /** After the faults heal and a quiet period, every member in the group holds the newest data. */
    CONVERGENCE("convergence", "after the faults healed and the quiet period, a member in the group lacked the newest"
            + " data", "B7 B8 B15 B16 B25 B33"),
    /** No member reports holding a version older than one it held before. */
    MONOTONIC("monotonic", "a member went from a newer version to an older one", "B11 B27"),
    /** No member claims the newest timestamp while holding other content. */
    SILENT_DESYNC("silent-desync", "a member claimed the newest timestamp while holding other content",
            "B9 B10 B11 B13 B17 B38"),
    /** Traffic stops once nothing happens: no message loop. */
    BOUNDED_TRAFFIC("bounded-traffic", "traffic went on in the quiet period, or the run hit its event cap (a loop)",
            "B28"),
    /** A handler raised a Lua error: modelled behaviour of the addon, reported with the flaw it names. */
    LUA_ERROR("lua-error", "a handler raised a Lua error (the addon's own bug, modelled)", "");

    private final String key;
    private final String meaning;
    private final String flaws;

    Invariant(String key, String meaning, String flaws) {
        this.key = key;
        this.meaning = meaning;
        this.flaws = flaws;
    }

    /**
     * The flaws of spec §9 through which {@code head} can break it (space-separated B-numbers; empty when none can:
     * then a finding is a SyncSim bug, or the Lua error names its flaw itself).
     */
    public String flaws() {
        return flaws;
    }

    /** The name used on the command line, in files and in the summary. */
    public String key() {
        return key;
    }

    /** What breaking it means, in a sentence. */
    public String meaning() {
        return meaning;
    }
}
