package org.syncsim.scenario;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.syncsim.protocol.data.AssignmentSet;

/**
 * Finds and loads a scenario's {@code data.file}: relative to the scenario file's directory, else among the
 * bundled sheets (so that a copied bundled scenario still finds its sheet); a bundled scenario uses only bundled
 * sheets.
 */
final class SheetFiles {
    static final String BUNDLED = "bundled:";

    private SheetFiles() {
    }

    /**
     * The file {@code data.file} names when it is on disk: relative to the scenario file's directory, for a
     * scenario that came from a file; null when it is a bundled sheet (or does not exist).
     */
    static Path onDisk(String origin, String file) {
        if (origin.startsWith(BUNDLED) || file == null || file.isBlank()) {
            return null;
        }
        try {
            Path path = besideScenario(origin, file);
            return Files.isRegularFile(path) ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** {@code file} resolved against the directory of the scenario file {@code origin}. */
    private static Path besideScenario(String origin, String file) {
        Path parent = Path.of(origin).getParent();
        return parent == null ? Path.of(file) : parent.resolve(file);
    }

    /** The sheet, or null with a problem at {@code /data/file} saying why it could not be loaded. */
    static AssignmentSet load(String origin, String file, List<Problem> out) {
        if (file.isBlank()) {
            out.add(new Problem("/data/file", "expected the path of a sheet file, e.g. my-sheet.yaml"));
            return null;
        }
        try {
            String name = file.replace('\\', '/');
            String bundled = BundledScenarios.sheetText(name);
            if (origin.startsWith(BUNDLED)) {
                if (bundled == null) {
                    out.add(new Problem("/data/file", "no bundled sheet " + file + " (a bundled scenario can use "
                            + "the bundled sheets, e.g. " + BundledScenarios.EXAMPLE_SHEET + ")"));
                    return null;
                }
                return SheetLoader.load(BUNDLED + name, bundled);
            }
            Path path = besideScenario(origin, file);
            if (!Files.isRegularFile(path)) {
                if (bundled != null) {
                    return SheetLoader.load(BUNDLED + name, bundled);
                }
                out.add(new Problem("/data/file", "no such sheet file " + path
                        + " (data.file is relative to the scenario file's directory), and no bundled sheet "
                        + file + " (e.g. " + BundledScenarios.EXAMPLE_SHEET + ")"));
                return null;
            }
            return SheetLoader.load(path);
        } catch (InvalidPathException e) {
            out.add(new Problem("/data/file", "not a file path: " + e.getMessage()));
            return null;
        } catch (ScenarioException e) {
            out.add(new Problem("/data/file", "the sheet file is not valid:\n  "
                    + e.getMessage().replace("\n", "\n  ")));
            return null;
        }
    }
}
