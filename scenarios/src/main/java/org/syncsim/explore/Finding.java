package org.syncsim.explore;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One broken invariant in one run.
 *
 * @param invariant what broke
 * @param kind what distinguishes findings of one invariant from each other (a Lua error's message without its
 *     numbers, an exception's class), or empty; findings with the same invariant and kind are the same finding
 * @param detail what happened in this run, in a sentence (members, times, message ids)
 */
public record Finding(Invariant invariant, String kind, String detail) implements java.io.Serializable {
    private static final Pattern FLAW = Pattern.compile("\\bB(\\d{1,2})\\b");

    /** {@code invariant[kind]}: the key findings are grouped by. */
    public String key() {
        return kind.isEmpty() ? invariant.key() : invariant.key() + ": " + kind;
    }

    /**
     * The spec §9 flaws behind this finding, space-separated: the one its kind names ({@link #flaw}), else those
     * through which {@code head} can break its invariant ({@link Invariant#flaws}); empty when neither names one
     * (a SyncSim bug, or a Lua error of a flaw outside §9). The one mapping of findings to B-numbers: the
     * explorer's table and the design report's flaws chart both read it.
     */
    public String flaws() {
        String named = flaw();
        return named.isEmpty() ? invariant.flaws() : named;
    }

    /** Whether {@link #flaws} is the flaw the finding names itself rather than its invariant's candidates. */
    public boolean namesItsFlaw() {
        return !flaw().isEmpty();
    }

    /** The spec §9 flaw the kind names ({@code B29}), or empty. */
    public String flaw() {
        Matcher m = FLAW.matcher(kind);
        return m.find() ? "B" + m.group(1) : "";
    }
}
