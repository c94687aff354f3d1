package org.syncsim.protocol.plan;

/** Policy 5, {@code skip-redundant}: no transfer of data its receiver already holds (B4, B12, B13). */
public sealed interface SkipRedundant {
    /** Head: late requests after a push still get another push (B4), every re-push is rebuilt (B12), holes count. */
    record Off() implements SkipRedundant {
    }

    /**
     * A member answers a pull only with its version held whole (B13: no {@code ""} placeholder or dangling
     * reference), stands down if a push of that version (a BSTR at it or newer) went out after the request came
     * (B4: the push already reached the requester), and ignores, without rebuilding, a re-push of the version it
     * holds whole (B12).
     */
    record On() implements SkipRedundant {
    }
}
