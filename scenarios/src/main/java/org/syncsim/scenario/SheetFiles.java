package org.syncsim.scenario;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.syncsim.protocol.data.AssignmentSet;

/**
 * Finds and loads a scenario's {@code data.file}: relative to the scenario file's directory, else among the
 * bundled sheets (so that a copied bundled scenario still finds its sheet), else as written (absolute, or relative
 * to the working directory, as a path given with {@code --set data.file=...} is meant). A bundled scenario looks
 * among the bundled sheets, then as written.
 */
final class SheetFiles {
    static final String BUNDLED = "bundled:";

    private SheetFiles() {
    }

    /**
     * The file {@code data.file} names when it is on disk (see the class comment for the order); null when it is
     * a bundled sheet (or does not exist).
     */
    static Path onDisk(String origin, String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return BundledScenarios.sheetText(file.replace('\\', '/')) != null && origin.startsWith(BUNDLED) ? null
                    : disk(origin, file);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The on-disk file for {@code file}: beside a scenario file, else (for any origin) as written; or null. */
    private static Path disk(String origin, String file) {
        if (!origin.startsWith(BUNDLED)) {
            Path parent = Path.of(origin).getParent();
            Path beside = parent == null ? Path.of(file) : parent.resolve(file);
            if (Files.isRegularFile(beside)) {
                return beside;
            }
            if (BundledScenarios.sheetText(file.replace('\\', '/')) != null) {
                return null;
            }
        }
        Path asWritten = Path.of(file);
        return Files.isRegularFile(asWritten) ? asWritten : null;
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
            if (origin.startsWith(BUNDLED) && bundled != null) {
                return SheetLoader.load(BUNDLED + name, bundled);
            }
            Path path = disk(origin, file);
            if (path != null) {
                return SheetLoader.load(path);
            }
            if (bundled != null) {
                return SheetLoader.load(BUNDLED + name, bundled);
            }
            if (Files.isDirectory(Path.of(file))) {
                out.add(new Problem("/data/file", file + " is a directory; expected a sheet file"));
                return null;
            }
            out.add(new Problem("/data/file", origin.startsWith(BUNDLED)
                    ? "no bundled sheet " + file + " (e.g. " + BundledScenarios.EXAMPLE_SHEET + ") and no such file "
                            + Path.of(file).toAbsolutePath().normalize()
                    : "no such sheet file " + Path.of(origin).resolveSibling(file)
                            + " (data.file is relative to the scenario file's directory), no bundled sheet " + file
                            + " (e.g. " + BundledScenarios.EXAMPLE_SHEET + "), and no file "
                            + Path.of(file).toAbsolutePath().normalize()));
            return null;
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
