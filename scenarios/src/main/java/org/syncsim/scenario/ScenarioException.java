package org.syncsim.scenario;

/**
 * A scenario file, or an override of one, is not valid. The message names the file, line, column and field
 * and says what was expected, e.g. {@code storm.yaml:14:7: timeline[2].who: no member named "Bobb" ...}.
 */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
