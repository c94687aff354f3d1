package org.syncsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aWriteRemovesTemporaryFilesOfProcessesThatAreGoneButNotOthers() throws IOException {
        Path target = dir.resolve("clients.csv");
        long gone = Long.MAX_VALUE - 7; // no such process
        Path stale = Files.writeString(dir.resolve(".clients.csv." + gone + ".3.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".clients.csv." + ProcessHandle.current().pid() + ".999999.tmp"),
                "another write of this process, in progress");
        Path unrelated = Files.writeString(dir.resolve(".notes.txt." + gone + ".1.tmp"), "not ours to judge");
        AtomicFiles.write(target, "a,b\n");
        assertEquals("a,b\n", Files.readString(target));
        assertTrue(Files.notExists(stale), "left by a killed run");
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(unrelated), "another target's files are left to its own writes");
    }
}
