package org.syncsim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A SyncSim YAML document that names base scenarios and overrides them (a sweep, tune or design matrix file), as read: its source
 * and text, so that every problem is located by file, line and field, and its directory, against which a scenario
 * file it names is resolved.
 */
public interface ScenarioDocument {
    /** Where the document came from (its path), for messages. */
    String source();

    /** The document's text, to locate a problem's line. */
    String text();

    /** The document's directory; null for a bundled document, which names bundled scenarios only. */
    Path dir();

    /** A problem at a JSON pointer of the document. */
    default ScenarioException problemAt(String pointer, String message) {
        return ScenarioLoader.problemAt(source(), text(), pointer, message);
    }

    /** A scenario file relative to the document's directory, else the name as given (a bundled scenario). */
    default String scenarioPath(String scenario) {
        if (dir() == null) {
            return scenario;
        }
        Path p = dir().resolve(scenario);
        return Files.isRegularFile(p) ? p.toString() : scenario;
    }

    /** The scenario {@code scenario} names ({@link #scenarioPath}); a problem is reported at {@code pointer}. */
    default LoadedScenario resolve(String pointer, String scenario) {
        try {
            return BundledScenarios.resolve(scenarioPath(scenario));
        } catch (ScenarioException e) {
            throw problemAt(pointer, ScenarioLoader.overrideProblem(e));
        }
    }

    /**
     * {@code s} with {@code overrides} applied; a problem is reported at {@code pointer}, without the scenario's own
     * name ({@link ScenarioLoader#overrideProblem}).
     */
    default LoadedScenario apply(String pointer, LoadedScenario s, List<String> overrides) {
        try {
            return ScenarioLoader.override(s, overrides);
        } catch (ScenarioException e) {
            throw problemAt(pointer, ScenarioLoader.overrideProblem(e));
        }
    }
}
