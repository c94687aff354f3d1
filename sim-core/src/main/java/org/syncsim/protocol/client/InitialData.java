package org.syncsim.protocol.client;

/** What a client's saved variables hold when the run starts. */
public sealed interface InitialData {
    /** A fresh install: the addon's example data, A = 0 and no compressed cache (§4.1, {@code Example.lua}). */
    record Example() implements InitialData {
    }

    /** Data saved in an earlier session (as after an import or a completed sync), stamped {@code timestamp}. */
    record Saved(long timestamp, EncodedSheet sheet) implements InitialData {
    }

    static InitialData example() {
        return new Example();
    }
}
