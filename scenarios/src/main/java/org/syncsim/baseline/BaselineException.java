package org.syncsim.baseline;

/** A baseline file that cannot be used: one line per problem, {@code file:line:column: field: message}. */
public final class BaselineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
