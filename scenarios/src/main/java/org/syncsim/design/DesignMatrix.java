package org.syncsim.design;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioDocument;
import org.syncsim.scenario.ScenarioLoader;

/**
 * A design-report matrix file (format in {@code docs/reports.md}): which base scenarios to run (events crossed with
 * raid sizes, sheets and networks, as listed in {@code grid}) under which protocol configurations, with how many
 * replications on which seed. Read with the scenarios' strict YAML mapper, so a bad field is reported with its file,
 * line and field.
 *
 * @param name names the default results directory ({@code results/design-<name>}); default the file's name
 * @param description one line shown under the page's title
 * @param replications replications of every cell (default 10)
 * @param seed master seed of every cell (default 1): every configuration runs the same seeds, so differences pair
 * @param baseline the configuration every other is compared with (default {@code head})
 * @param focus the base scenario the charts show (default the first of the grid)
 * @param events what happens: a bundled scenario or a file, and {@code --set} overrides
 * @param raidSizes the raid sizes ({@code raid.size}) a grid line may pick
 * @param sheets named sheet settings ({@code data.*} overrides)
 * @param networks named channel settings (overrides, and actions appended to the timeline)
 * @param grid which combinations run: each line crosses its lists; a list left out means all of them
 * @param configurations the protocol configurations every base scenario runs under
 */
public record DesignMatrix(String name, String description, Integer replications, Long seed, String baseline,
        String focus, Map<String, Event> events, List<Integer> raidSizes, Map<String, Variant> sheets,
        Map<String, Variant> networks, List<Grid> grid, List<Configuration> configurations) {

    /** The bundled full matrix. */
    public static final String DEFAULT = "default";
    /** The bundled reduced matrix of {@code --quick}. */
    public static final String QUICK = "quick";

    public DesignMatrix {
        replications = replications == null ? 10 : replications;
        seed = seed == null ? 1L : seed;
        baseline = baseline == null ? "head" : baseline;
        events = events == null ? Map.of() : new LinkedHashMap<>(events);
        raidSizes = raidSizes == null ? List.of() : List.copyOf(raidSizes);
        sheets = sheets == null ? Map.of() : new LinkedHashMap<>(sheets);
        networks = networks == null ? Map.of() : new LinkedHashMap<>(networks);
        grid = grid == null ? List.of() : List.copyOf(grid);
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    /**
     * An event: a base scenario and overrides.
     *
     * @param label the event in words ("late joiner"); default its key
     * @param scenario a bundled scenario name, or a scenario file relative to the matrix file
     * @param set {@code PATH=VALUE} overrides, as {@code syncsim run --set}
     */
    public record Event(String label, String scenario, List<String> set) {
        public Event {
            set = set == null ? List.of() : List.copyOf(set);
        }
    }

    /**
     * A sheet or network setting.
     *
     * @param label in words; default its key
     * @param set {@code PATH=VALUE} overrides
     * @param append per list path ({@code timeline}), entries appended to the base scenario's list (written as
     *     one {@code --set PATH=[...]} with the whole list)
     */
    public record Variant(String label, List<String> set, Map<String, List<JsonNode>> append) {
        public Variant {
            set = set == null ? List.of() : List.copyOf(set);
            append = append == null ? Map.of() : new LinkedHashMap<>(append);
        }
    }

    /** One line of the grid: the events, raid sizes, sheets and networks crossed (null: all of them). */
    public record Grid(List<String> events, List<Integer> raidSizes, List<String> sheets, List<String> networks) {
    }

    /**
     * A protocol configuration.
     *
     * @param id names its cells (a path segment)
     * @param label in words; default the id
     * @param policy one plan policy alone on top of head ({@code protocol.profile=plan},
     *     {@code protocol.policies.default=off}) at {@code kind} (default its recommended kind)
     * @param kind the policy's kind
     * @param rollout a fraction of the raid (0 to 1, spread evenly over the roster) that runs {@code plan}; the rest
     *     runs head
     * @param set further overrides, applied last
     */
    public record Configuration(String id, String label, String policy, String kind, Double rollout,
            List<String> set) {
        public Configuration {
            set = set == null ? List.of() : List.copyOf(set);
        }

        /** The label, or the id without one. */
        public String name() {
            return label != null ? label : id;
        }
    }

    /** A matrix read from its text, with where it came from (for messages and for relative scenario files). */
    public record Loaded(String source, String text, Path dir, DesignMatrix matrix) implements ScenarioDocument {
    }

    /** Reads a matrix file, or a bundled matrix by name ({@value #DEFAULT}, {@value #QUICK}). */
    public static Loaded load(String fileOrName) {
        Path p = Path.of(fileOrName);
        if (java.nio.file.Files.exists(p)) {
            String text = ScenarioLoader.readText(p, "matrix");
            DesignMatrix m = parse(p.toString(), text);
            String dflt = p.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
            return new Loaded(p.toString(), text, p.toAbsolutePath().getParent(), m.named(dflt));
        }
        String text = bundled(fileOrName);
        if (text == null) {
            throw new ScenarioException(fileOrName + ": no such matrix file, and not a bundled matrix (" + DEFAULT
                    + ", " + QUICK + ")");
        }
        return new Loaded("bundled:design/" + fileOrName + ".yaml", text, null, parse(fileOrName + ".yaml", text)
                .named(fileOrName));
    }

    private static DesignMatrix parse(String source, String text) {
        DesignMatrix m = ScenarioLoader.readDocument(source, text, DesignMatrix.class);
        if (m == null) {
            throw new ScenarioException(source + ": the matrix is empty; see docs/reports.md for its fields");
        }
        return m;
    }

    private DesignMatrix named(String dflt) {
        return name != null ? this : new DesignMatrix(dflt, description, replications, seed, baseline, focus, events,
                raidSizes, sheets, networks, grid, configurations);
    }

    private static String bundled(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            return null;
        }
        try (InputStream in = DesignMatrix.class.getResourceAsStream("/design/" + name + ".yaml")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
