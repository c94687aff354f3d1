package org.syncsim.run;

import java.util.List;
import org.syncsim.scenario.LoadedScenario;

/**
 * One scenario of a batch (a design report's cell, a sweep's point): a bundled scenario or file with overrides,
 * whose replications go to one results file as soon as the last of them is in, so that an interrupted batch resumes
 * without running it again ({@link CellFiles}).
 */
public interface Cell {
    /** The results file, relative to the batch's directory, e.g. {@code cells/<id>/summary.json}. */
    String file();

    /** The bundled scenario name or scenario file the cell starts from. */
    String scenario();

    /** The scenario with every override applied: {@link #scenario()} with {@link #overrides()}. */
    LoadedScenario resolved();

    /** Every {@code --set} the cell applies, in order. */
    List<String> overrides();

    /** The command that reproduces the cell's numbers: {@code ./syncsim run SCENARIO --set ...}. */
    default String command() {
        return runCommand(scenario(), overrides());
    }

    /** What else each replication is watched for, kept in a file beside {@link #file}; null for nothing. */
    default Watch watch() {
        return null;
    }

    /** {@code ./syncsim run SCENARIO} with one {@code --set} per override, each quoted for a POSIX shell. */
    static String runCommand(String scenario, List<String> overrides) {
        StringBuilder b = new StringBuilder("./syncsim run ").append(shell(scenario));
        for (String o : overrides) {
            b.append(" --set ").append(shell(o));
        }
        return b.toString();
    }

    /** Quotes a word for a POSIX shell when it holds anything but plain characters. */
    static String shell(String word) {
        return word.matches("[A-Za-z0-9_./:=,@%+-]+") ? word : "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
