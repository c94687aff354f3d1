package org.syncsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenarios shipped in the jar under {@code scenarios/}, listed in {@code scenarios/index.txt}, and the
 * rule the CLI uses to find a scenario: an existing file path first, else a bundled name.
 */
public final class BundledScenarios {
    private static final String DIR = "/scenarios/";

    /** The bundled example sheet, relative to the bundled scenarios. */
    public static final String EXAMPLE_SHEET = "sheets/naxxramas-wing.yaml";

    private BundledScenarios() {
    }

    /** Names of the bundled scenarios, in index order. */
    public static List<String> names() {
        return read("index.txt").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The YAML text of a bundled scenario. */
    public static String text(String name) {
        return read(name + ".yaml");
    }

    /** Loads a bundled scenario. */
    public static LoadedScenario load(String name) {
        return ScenarioLoader.load("bundled:" + name + ".yaml", text(name), name);
    }

    /** A file if {@code fileOrName} names an existing file, else the bundled scenario of that name. */
    public static LoadedScenario resolve(String fileOrName) {
        Path p = Path.of(fileOrName);
        if (Files.exists(p)) {
            return ScenarioLoader.load(p);
        }
        String name = ScenarioLoader.defaultName(fileOrName);
        if (names().contains(name)) {
            return load(name);
        }
        throw new ScenarioException(fileOrName + ": no such file, and no bundled scenario of that name"
                + ScenarioLoader.suggestion(name, names()) + " (see syncsim list)");
    }

    /**
     * The text of a bundled sheet file by its path next to the bundled scenarios (e.g. {@link #EXAMPLE_SHEET}),
     * or null if there is none.
     */
    public static String sheetText(String relative) {
        String name = relative.replace('\\', '/');
        return name.startsWith("/") || name.contains("..") || !name.matches(".*\\.(ya?ml|json)") ? null
                : resource(name);
    }

    /** The text of a resource next to the bundled scenarios, or null if there is none. */
    static String resource(String relative) {
        try (InputStream in = BundledScenarios.class.getResourceAsStream(DIR + relative)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = BundledScenarios.class.getResourceAsStream(DIR + resource)) {
            if (in == null) {
                throw new ScenarioException("no bundled scenario resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
