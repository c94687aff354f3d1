package org.syncsim.protocol.plan;

/** Policy 7, {@code versioning}: what a data version is and which versions a member accepts (B11, B27). */
public sealed interface Versioning {
    /** Head: the importer's wall clock {@code time()}; any version accepted, BSEC stored unchecked. */
    record WallClock() implements Versioning {
    }

    /**
     * An import is stamped {@code max(time(), v + 1)}, v the newest version the importer holds or has heard of, so
     * an import always outranks what it replaces whatever the importer's clock says (a Lamport clock over
     * {@code time()}); a version more than {@code maxFuture} seconds ahead of the receiver's {@code time()} is
     * refused, and so is a BSEC older than the data held (B11). Imports within one latency of each other that
     * have not heard of one another can still tie.
     */
    record Monotonic(double maxFutureSeconds) implements Versioning {
        public Monotonic {
            if (!(maxFutureSeconds > 0)) {
                throw new IllegalArgumentException("max-future must be longer than 0s");
            }
        }
    }
}
