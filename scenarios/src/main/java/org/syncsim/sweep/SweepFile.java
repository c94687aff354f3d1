package org.syncsim.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.syncsim.scenario.ScenarioDocument;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;

/**
 * A sweep file (format in {@code docs/sweeps.md}, schema {@code syncsim-sweep.schema.json}): a base scenario, the
 * parameters to vary with their values, and how many replications each point runs on which seed. The grid
 * parameters are crossed (the first one outermost); the sampled parameters, if any, are drawn by {@code sample} and
 * crossed with the grid. Read with the scenarios' strict YAML mapper, so a bad field is reported with its file,
 * line and field.
 *
 * @param name names the default results directory ({@code results/<name>}); default the file's name
 * @param description one line shown under the page's title
 * @param scenario a bundled scenario name, or a scenario file relative to the sweep file
 * @param set {@code PATH=VALUE} overrides every point applies before its own
 * @param replications replications per point (default 10)
 * @param seed master seed (default 1)
 * @param commonRandomNumbers every point runs the master seed's replication seeds (default true), so that
 *     differences between points pair; false gives each point seeds derived from the master seed and its parameters
 * @param parameters what varies
 * @param sample how the parameters with bounds are sampled
 */
public record SweepFile(String name, String description, String scenario, List<String> set, Integer replications,
        Long seed, Boolean commonRandomNumbers, List<Parameter> parameters, SamplePlan sample) {

    public SweepFile {
        set = set == null ? List.of() : List.copyOf(set);
        replications = replications == null ? 10 : replications;
        seed = seed == null ? 1L : seed;
        commonRandomNumbers = commonRandomNumbers == null || commonRandomNumbers;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** A sweep file with where it came from (for messages, and for a scenario file relative to it). */
    public record Loaded(String source, String text, Path dir, SweepFile sweep) implements ScenarioDocument {
    }

    /** Reads a sweep file. */
    public static Loaded load(String file) {
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            throw new ScenarioException(file + ": no such sweep file");
        }
        String text = ScenarioLoader.readText(p, "sweep");
        SweepFile s = ScenarioLoader.readDocument(p.toString(), text, SweepFile.class);
        if (s == null) {
            throw new ScenarioException(file + ": the sweep file is empty; see docs/sweeps.md for its fields");
        }
        if (s.name() == null) {
            String dflt = p.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
            s = new SweepFile(dflt, s.description(), s.scenario(), s.set(), s.replications(), s.seed(),
                    s.commonRandomNumbers(), s.parameters(), s.sample());
        }
        return new Loaded(p.toString(), text, p.toAbsolutePath().getParent(), s);
    }
}
