package org.syncsim.scenario;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.syncsim.protocol.data.AssignmentSet;

/**
 * Finds and loads a scenario's {@code data.file}: relative to the scenario file's directory, or, for a bundled
 * scenario, among the bundled resources next to it.
 */
final class SheetFiles {
    static final String BUNDLED = "bundled:";

    private SheetFiles() {
    }

    /** The sheet, or null with a problem at {@code /data/file} saying why it could not be loaded. */
    static AssignmentSet load(String origin, String file, List<Problem> out) {
        if (file.isBlank()) {
            out.add(new Problem("/data/file", "expected the path of a sheet file, e.g. my-sheet.yaml"));
            return null;
        }
        try {
            if (origin.startsWith(BUNDLED)) {
                String name = file.replace('\\', '/');
                String text = name.startsWith("/") || name.contains("..") ? null : BundledScenarios.resource(name);
                if (text == null) {
                    out.add(new Problem("/data/file", "no bundled sheet " + file + " (a bundled scenario can use "
                            + "the bundled sheets, e.g. " + BundledScenarios.EXAMPLE_SHEET + ")"));
                    return null;
                }
                return SheetLoader.load(BUNDLED + name, text);
            }
            Path parent = Path.of(origin).getParent();
            Path path = parent == null ? Path.of(file) : parent.resolve(file);
            if (!Files.isRegularFile(path)) {
                out.add(new Problem("/data/file", "no such sheet file " + path
                        + " (data.file is relative to the scenario file's directory)"));
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
