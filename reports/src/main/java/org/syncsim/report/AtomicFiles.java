package org.syncsim.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that a reader sees either the old file or the complete new one: the bytes go to a temporary
 * file in the same directory, are forced to disk, and the temporary file is renamed over the target
 * ({@code ATOMIC_MOVE}). Temporary files are named {@code .<target>.<pid>.<n>.tmp}: a JVM stopped by Ctrl-C or
 * a signal removes its own in a shutdown hook, and the next write of the same target removes those of processes
 * that no longer run (a JVM that was killed outright).
 */
public final class AtomicFiles {
    private static final AtomicLong TEMP_COUNTER = new AtomicLong();
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort while the JVM goes down; the next write of the target removes it
                }
            }
        }, "syncsim-temp-cleanup"));
    }

    private AtomicFiles() {
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        });
    }

    /** What streams a file's content: a large one (an event trace) need not be held in memory first. */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel out) throws IOException;
    }

    /** Writes what {@code content} streams, atomically as {@link #write(Path, byte[])} does. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: it makes owner-only files, and results are meant to be shared like any other
        // file the user writes (the process umask decides).
        removeStale(dir, target.getFileName().toString());
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + TEMP_COUNTER.incrementAndGet() + ".tmp");
        IN_PROGRESS.add(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                content.writeTo(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
            IN_PROGRESS.remove(tmp);
        }
    }

    /** Deletes temporary files for {@code name} left by processes that are gone. */
    private static void removeStale(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> {
            String f = p.getFileName().toString();
            return f.startsWith(prefix) && f.endsWith(".tmp");
        })) {
            for (Path p : ds) {
                String[] parts = p.getFileName().toString().substring(prefix.length()).split("\\.");
                if (parts.length != 3) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (ProcessHandle.of(pid).isEmpty()) {
                        Files.deleteIfExists(p);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
    }
}
