package org.syncsim.run;

/** A replication could not finish (for example it exceeded the event cap); the message says why and what to change. */
public final class RunFailedException extends RuntimeException {
    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
