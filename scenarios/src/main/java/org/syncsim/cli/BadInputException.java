package org.syncsim.cli;

/**
 * Bad input from the user (a file, an option value). Its message is printed as is, without a stack trace,
 * and the process exits with {@link ExitCodes#BAD_INPUT}; it should say where the problem is and what was
 * expected.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
