package org.syncsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory a command writes into, checked before any simulation runs, so a bad {@code --out} costs nothing. */
final class OutputDirectory {
    private OutputDirectory() {
    }

    /**
     * Creates {@code dir} if needed and checks that files can be written there.
     *
     * @throws BadInputException naming the option and the reason otherwise
     */
    static Path prepare(Path dir, String option) {
        if (dir.toString().isBlank()) {
            throw new BadInputException(option + ": expected a directory, got an empty path");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(option + " " + dir + ": is a file, expected a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new BadInputException(option + " " + dir + ": cannot create the directory (" + reason(e) + ")", e);
        }
        if (!Files.isWritable(dir)) {
            throw new BadInputException(option + " " + dir + ": cannot write files there (permission denied)");
        }
        return dir;
    }

    /** An I/O failure in one phrase for a message: its type and, if any, its text. */
    static String reason(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
