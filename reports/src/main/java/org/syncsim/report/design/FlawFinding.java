package org.syncsim.report.design;

/**
 * One broken invariant in one replication of a cell, as its flaws file records it (the design report runs the
 * explorer's flaw checks in every replication): which invariant broke, the spec §9 flaws behind it, and whether
 * those are the one flaw the finding names itself (a Lua error such as B29's) or the flaws through which
 * {@code head} can break that invariant (any one of them may be the cause).
 *
 * @param key the finding's key ({@code lua-error: BSTR: RequestMissingSectionsWhisper is undefined (B29), ...})
 * @param invariant the invariant's key ({@code convergence}, {@code silent-desync}, {@code monotonic},
 *     {@code lua-error})
 * @param flaws space-separated B-numbers, or empty when neither the finding nor its invariant names one
 * @param named whether {@code flaws} is the flaw the finding names itself
 */
public record FlawFinding(String key, String invariant, String flaws, boolean named) {

    /** The group the flaws chart and table count: the same flaws found the same way. */
    public Group group() {
        return new Group(flaws, named ? "" : invariant);
    }

    /**
     * Findings that point at the same flaws: by name ({@code via} empty), or through the same invariant.
     *
     * @param flaws space-separated B-numbers, or empty
     * @param via the invariant through which they were seen, empty when a finding named its flaw itself
     */
    public record Group(String flaws, String via) implements Comparable<Group> {
        /** In words: "B29 (a Lua error names it)", "one of B9 B10 … (silent-desync)", "lua-error, no §9 flaw". */
        public String label() {
            if (via.isEmpty()) {
                return flaws + " (a Lua error names it)";
            }
            return flaws.isEmpty() ? via + " (no \u00a79 flaw named)" : "one of " + flaws + " (" + via + ")";
        }

        /** Named flaws first, by B-number, then the invariants' groups by their first B-number. */
        @Override
        public int compareTo(Group o) {
            int c = Boolean.compare(!via.isEmpty(), !o.via.isEmpty());
            if (c != 0) {
                return c;
            }
            c = Integer.compare(first(), o.first());
            return c != 0 ? c : (flaws + via).compareTo(o.flaws + o.via);
        }

        private int first() {
            String f = flaws.split(" ")[0];
            return f.matches("B\\d+") ? Integer.parseInt(f.substring(1)) : Integer.MAX_VALUE;
        }
    }
}
