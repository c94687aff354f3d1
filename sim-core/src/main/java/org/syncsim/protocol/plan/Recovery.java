package org.syncsim.protocol.plan;

/**
 * Policy 4, {@code recovery}: strict validation and resumable transfers (B9, B10, B13, B15, B16, B24, B29).
 */
public sealed interface Recovery {
    /** Head: the addon's permissive router; a push is applied message by message, holes and all. */
    record Off() implements Recovery {
    }

    /**
     * Messages are parsed by the strict grammar and section and structure blobs must decode, or they are counted
     * as malformed and dropped. A push of a newer version is staged: nothing is applied, and the version is not
     * raised, until the structure and every section it names are held (resolving chunk references whenever their
     * chunks complete). When no push traffic has arrived for {@code timeout} seconds and the staged push is still
     * incomplete, the member asks the pusher for exactly the missing sections ({@code BSMISS}), at most
     * {@code maxRequests} times; the pusher, still holding that version, sends them and the structure again.
     * Beyond that (the pusher left), a pull retried under {@code backoff} brings a whole push.
     */
    record Resume(double timeoutSeconds, int maxRequests) implements Recovery {
        public Resume {
            if (!(timeoutSeconds > 0)) {
                throw new IllegalArgumentException("timeout must be longer than 0s");
            }
        }
    }
}
