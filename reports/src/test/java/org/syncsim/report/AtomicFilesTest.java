package org.syncsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesCreateDirectoriesReplaceOldContentAndLeaveNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("a/b/summary.json");
        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second");
        assertEquals("second", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "only the target remains");
        }
    }

    @Test
    void resultFilesGetTheSamePermissionsAsAnyNewFileNotOwnerOnly() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path target = dir.resolve("summary.json");
        AtomicFiles.write(target, "{}");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }
}
