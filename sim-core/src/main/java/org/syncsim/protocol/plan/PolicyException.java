package org.syncsim.protocol.plan;

/**
 * A bad {@code protocol.policies} entry; {@link #field} is its path below {@code policies}, e.g.
 * {@code backoff/base}.
 */
public final class PolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public PolicyException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending entry below {@code protocol.policies}, slash-separated. */
    public String field() {
        return field;
    }
}
