package org.syncsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.syncsim.report.AtomicFiles;

/**
 * A directory a command writes its results into, so that SyncSim never destroys what it did not write and never
 * leaves half a result behind.
 *
 * <ul>
 *   <li><b>Ownership.</b> A results directory holds a manifest, {@value #MANIFEST}: which command wrote it, for
 *       which scenario and settings (its {@link Identity}), and every file it wrote. Only those files are ever
 *       replaced or removed. A directory that is not empty and has no manifest is refused.</li>
 *   <li><b>Identity.</b> A directory holding the results of another identity (another scenario file, bundled
 *       scenario or settings) is refused unless the command was given {@code --replace}; at the default place
 *       ({@code results/<name>}, no {@code --out}) the command writes to the first free {@code <name>-2},
 *       {@code <name>-3}, … (or the one already holding its own identity) instead, and says so.</li>
 *   <li><b>Lock.</b> While a command runs it holds an exclusive lock on {@code .<dir>.syncsim-lock} beside the
 *       directory ({@link FileChannel#tryLock}): a second command on the same directory fails at once, naming
 *       the process that holds it. The lock file is removed when the command ends.</li>
 *   <li><b>Staging.</b> Files are written into a hidden sibling, {@code .<dir>.syncsim-<pid>.partial}, and only
 *       moved into place by {@link #commit} once everything is written: a new directory by one rename, an
 *       existing one file by file (the completion marker, e.g. {@code summary.json}, removed first and moved
 *       last). A failed command removes its staging directory (and any directory it created for it); one
 *       stopped by Ctrl-C or a signal removes it in a shutdown hook; one killed outright leaves it, and the next
 *       command on that directory removes it.</li>
 * </ul>
 *
 * Where the parent directory cannot be written but the directory itself exists, the lock file and staging
 * directory go inside the directory instead.
 */
final class ResultsDirectory implements AutoCloseable {
    /** The manifest's file name. */
    static final String MANIFEST = ".syncsim-results.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<Path> STAGING_IN_PROGRESS = ConcurrentHashMap.newKeySet();
    /**
     * Lock files this JVM holds. Checked before opening the file again: closing a second channel on a locked file
     * can release the first channel's lock (POSIX record locks belong to the process, not the channel).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : STAGING_IN_PROGRESS) {
                deleteTree(p);
            }
        }, "syncsim-staging-cleanup"));
    }

    /**
     * What a results directory holds the results of: the command that wrote it, its scenario ({@code bundled:NAME}
     * or a file's absolute path; for {@code compare} every variant) and its settings ({@code --set},
     * {@code --seed}, {@code --replications}, labels: whatever changes the results). Options that do not change
     * them ({@code --threads}, {@code --quiet}) are not part of it.
     */
    record Identity(String command, List<String> sources, List<String> settings) {
        Identity {
            sources = List.copyOf(sources);
            settings = List.copyOf(settings);
        }

        /** The identity of a scenario argument: a file by its absolute path, else a bundled scenario by name. */
        static String source(String fileOrName) {
            Path p = Path.of(fileOrName);
            if (Files.exists(p)) {
                return p.toAbsolutePath().normalize().toString();
            }
            return "bundled:" + fileOrName.replaceFirst("\\.(ya?ml|json)$", "");
        }

        /** In words, for messages. */
        String describe() {
            List<String> what = new ArrayList<>();
            for (String s : sources) {
                what.add(s.startsWith("bundled:") ? "the bundled scenario " + s.substring("bundled:".length())
                        : s);
            }
            return "syncsim " + command + " of " + String.join(" and ", what) + (settings.isEmpty()
                    ? " without settings" : " with " + String.join(" ", settings));
        }
    }

    /** How {@link #open} treats an existing directory. */
    record Request(Path dir, String option, boolean explicit, Identity identity, boolean replace) {
    }

    private final Path shown;
    private final Path dir;
    private final Path home;
    private final Identity identity;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final Path staging;
    private final List<Path> created;
    private boolean committed;

    private ResultsDirectory(Path shown, Path dir, Path home, Identity identity, Path lockFile,
            FileChannel lockChannel, List<Path> created) throws IOException {
        this.shown = shown;
        this.dir = dir;
        this.home = home;
        this.identity = identity;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.created = created;
        removeStaleStaging();
        this.staging = home.resolve(prefix() + "syncsim-" + ProcessHandle.current().pid() + ".partial");
        deleteTree(staging);
        STAGING_IN_PROGRESS.add(staging);
        Files.createDirectory(staging);
    }

    /**
     * Checks the directory a command asked for, takes its lock and prepares a staging directory; at the default
     * place picks a fresh sibling when the directory holds other results, and says so on {@code notes}.
     *
     * @throws BadInputException when the directory cannot be used: it is a file, not writable, not empty and not
     *     a SyncSim results directory, holds other results (without {@code --replace}), or another command holds
     *     its lock
     */
    static ResultsDirectory open(Request r, PrintWriter notes) {
        Path asked = r.dir();
        if (asked.toString().isBlank()) {
            throw new BadInputException(r.option() + ": expected a directory, got an empty path");
        }
        for (int n = 1; ; n++) {
            Path dir = n == 1 ? asked : asked.resolveSibling(asked.getFileName() + "-" + n);
            ResultsDirectory d = tryOpen(dir, r, !r.explicit());
            if (d != null) {
                if (n > 1) {
                    notes.println("syncsim: " + asked + " holds other results (" + describe(asked)
                            + "); writing to " + dir + " instead (--replace replaces them, --out DIR chooses"
                            + " another directory)");
                    notes.flush();
                }
                return d;
            }
            if (n >= 1000) {
                throw new BadInputException(asked + " and its siblings up to " + dir + " all hold other results;"
                        + " choose a directory with --out DIR");
            }
        }
    }

    /**
     * Opens a results directory to add files to it under the identity it already has ({@code syncsim report DIR}
     * writing the report beside the run's results).
     *
     * @throws BadInputException when it has no manifest: its files are not known to be SyncSim's
     */
    static ResultsDirectory openOwn(Path dir, String option, PrintWriter notes) {
        Manifest m;
        try {
            m = Manifest.read(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot read its " + MANIFEST + " (" + OutputDirectory.reason(e) + ")", e);
        }
        if (m == null) {
            throw new BadInputException(dir + ": has no " + MANIFEST + " (written by an older SyncSim?), so its"
                    + " files are not known to be SyncSim's and none is replaced; write the report elsewhere with"
                    + " --out DIR, or run the scenario again");
        }
        return open(new Request(dir, option, true, m.identity(), false), notes);
    }

    /** Opens {@code dir}, or returns null when it holds other results and a sibling may be tried. */
    private static ResultsDirectory tryOpen(Path dir, Request r, boolean mayMove) {
        String where = r.explicit() && r.option().startsWith("--") ? r.option() + " " + dir : dir.toString();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(where + ": is a file, expected a directory");
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new BadInputException(where + ": expected a directory below the file system's root");
        }
        List<Path> created = new ArrayList<>();
        Path home = abs.getParent();
        try {
            createDirectories(home, created);
        } catch (IOException | SecurityException e) {
            throw new BadInputException(where + ": cannot create its parent directory (" + OutputDirectory.reason(e) + ")", e);
        }
        if (!Files.isWritable(home)) {
            if (!Files.isDirectory(abs)) {
                throw new BadInputException(where + ": cannot write in " + home + " (permission denied)");
            }
            home = abs;
        }
        if (Files.isDirectory(abs) && !Files.isWritable(abs)) {
            throw new BadInputException(where + ": cannot write files there (permission denied)");
        }
        Path lockFile = home.resolve(prefix(abs, home) + "syncsim-lock");
        FileChannel ch = null;
        boolean keep = false;
        try {
            ch = lock(lockFile, where);
            Manifest m = Manifest.read(abs);
            if (m == null && !isEmptyOrAbsent(abs)) {
                if (mayMove) {
                    return null;
                }
                throw new BadInputException(where + ": is not empty and is not a SyncSim results directory (it has"
                        + " no " + MANIFEST + "); SyncSim writes only into a new or empty directory or one it"
                        + " wrote itself, so nothing of yours is replaced: choose another " + option(r));
            }
            if (m != null && !m.identity().equals(r.identity()) && !r.replace()) {
                if (mayMove) {
                    return null;
                }
                throw new BadInputException(where + ": holds the results of " + m.identity().describe()
                        + ", not of " + r.identity().describe() + "; pass --replace to replace them, or choose"
                        + " another " + option(r));
            }
            ResultsDirectory d = new ResultsDirectory(dir, abs, home, r.identity(), lockFile, ch, created);
            keep = true;
            return d;
        } catch (IOException e) {
            throw new BadInputException(where + ": cannot prepare it (" + OutputDirectory.reason(e) + ")", e);
        } finally {
            if (!keep) {
                if (ch != null) {
                    unlock(lockFile, ch);
                }
                removeCreated(created);
            }
        }
    }

    private static String option(Request r) {
        return r.option().equals("--out") || !r.explicit() ? "--out DIR" : "directory";
    }

    /** What the directory at the default place holds, for the note saying why a sibling was used. */
    private static String describe(Path dir) {
        try {
            Manifest m = Manifest.read(dir.toAbsolutePath().normalize());
            return m == null ? "not written by SyncSim" : m.identity().describe();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    /** Where the command writes its files until {@link #commit}. */
    Path staging() {
        return staging;
    }

    /** The directory the files end up in, as the user named it (or its sibling); for messages. */
    Path dir() {
        return shown;
    }

    /** The directory the files end up in, absolute. */
    Path absolute() {
        return dir;
    }

    /**
     * Moves the staged files into the directory and records them in its manifest. Files the manifest listed that
     * were not written again are removed, except those {@code keep} accepts (e.g. a {@code report} into a run's
     * directory keeps the run's files); {@code last}, if not null, is removed first and moved last, so its
     * presence means the set is complete.
     */
    void commit(Predicate<String> keep, String last) throws IOException {
        List<String> written = listFiles(staging);
        Manifest old = Manifest.read(dir);
        if (old == null && !Files.exists(dir)) {
            new Manifest(identity, written, true).write(staging);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            created.clear();
            finish();
            return;
        }
        TreeSet<String> now = new TreeSet<>(written);
        if (old != null) {
            old.files().stream().filter(keep).forEach(now::add);
        }
        TreeSet<String> union = new TreeSet<>(now);
        if (old != null) {
            union.addAll(old.files());
        }
        // until the end, the manifest names every file that is ours, so an interrupted commit loses none of them
        new Manifest(identity, List.copyOf(union), false).write(dir);
        if (last != null) {
            Files.deleteIfExists(dir.resolve(last));
        }
        for (String f : written) {
            if (!f.equals(last)) {
                moveIn(f);
            }
        }
        for (String f : union) {
            if (!now.contains(f)) {
                Path p = dir.resolve(f);
                Files.deleteIfExists(p);
                removeEmptyParents(p.getParent());
            }
        }
        if (last != null && written.contains(last)) {
            moveIn(last);
        }
        new Manifest(identity, List.copyOf(now), true).write(dir);
        created.clear();
        finish();
    }

    /**
     * Moves staged files into the directory now, before {@link #commit}, and records them in its manifest (marked
     * incomplete until the commit): for a command whose parts are worth keeping when it is interrupted, such as the
     * finished cells of {@code design-report}, which a rerun then skips. The directory is created if need be.
     */
    void publish(List<String> files) throws IOException {
        Files.createDirectories(dir);
        Manifest old = Manifest.read(dir);
        TreeSet<String> union = new TreeSet<>(files);
        if (old != null) {
            union.addAll(old.files());
        }
        // the manifest first, so that every file in the directory is known to be ours
        new Manifest(identity, List.copyOf(union), false).write(dir);
        for (String f : files) {
            moveIn(f);
        }
    }

    private void moveIn(String f) throws IOException {
        Path target = dir.resolve(f);
        Files.createDirectories(target.getParent());
        Files.move(staging.resolve(f), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void finish() {
        committed = true;
        deleteTree(staging);
        STAGING_IN_PROGRESS.remove(staging);
    }

    /** Removes the staging directory (unless committed) and any directory created for it, and releases the lock. */
    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
            STAGING_IN_PROGRESS.remove(staging);
        }
        unlock(lockFile, lockChannel);
        removeCreated(created);
    }

    private String prefix() {
        return prefix(dir, home);
    }

    /** {@code .<dir>.} beside the directory, or {@code .} inside it. */
    private static String prefix(Path dir, Path home) {
        return home.equals(dir) ? "." : "." + dir.getFileName() + ".";
    }

    /** Removes staging directories of this directory left by processes that no longer run. */
    private void removeStaleStaging() throws IOException {
        String p = prefix() + "syncsim-";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(home, f -> f.getFileName().toString().startsWith(p)
                && f.getFileName().toString().endsWith(".partial"))) {
            for (Path f : ds) {
                String pid = f.getFileName().toString().substring(p.length()).replace(".partial", "");
                try {
                    if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                        deleteTree(f);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
    }

    // ---- the lock ----

    /**
     * Takes the lock or fails at once. The holder writes its pid into the lock file and deletes the file before
     * releasing it; a process that locked a file just deleted notices (the file at the path is not the one it
     * wrote) and tries again.
     */
    private static FileChannel lock(Path lockFile, String where) {
        if (!HELD.add(lockFile)) {
            throw busy(where, " (process " + ProcessHandle.current().pid() + ")");
        }
        try {
            FileChannel ch = lockOnce(lockFile, where);
            if (ch != null) {
                return ch;
            }
        } catch (RuntimeException e) {
            HELD.remove(lockFile);
            throw e;
        }
        HELD.remove(lockFile);
        throw new BadInputException(where + ": cannot take its lock " + lockFile + "; other syncsim commands keep"
                + " taking it");
    }

    private static BadInputException busy(String where, String holder) {
        return new BadInputException(where + ": another syncsim command" + holder + " is writing there now; wait"
                + " for it to finish, or choose another --out DIR");
    }

    /** The locked channel, or null when every attempt locked a file its holder had just deleted. */
    private static FileChannel lockOnce(Path lockFile, String where) {
        for (int attempt = 0; attempt < 10; attempt++) {
            FileChannel ch = null;
            try {
                ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held by this JVM
                }
                if (lock == null) {
                    String holder = holder(ch);
                    ch.close();
                    throw busy(where, holder);
                }
                String mark = ProcessHandle.current().pid() + " " + System.nanoTime() + "\n";
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(mark.getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(false);
                String atPath;
                try {
                    atPath = Files.readString(lockFile, StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    atPath = null;
                }
                if (mark.equals(atPath)) {
                    return ch;
                }
                ch.close(); // locked a file its holder had just deleted
            } catch (IOException e) {
                closeQuietly(ch);
                throw new BadInputException(where + ": cannot create its lock file " + lockFile + " (" + OutputDirectory.reason(e)
                        + ")", e);
            }
        }
        return null;
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(64);
            ch.read(b, 0);
            String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
            String pid = text.split(" ")[0];
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void unlock(Path lockFile, FileChannel ch) {
        try {
            Files.deleteIfExists(lockFile); // while still holding it: see lock()
        } catch (IOException e) {
            // a lock file left behind is harmless: the next command locks it and removes it
        }
        closeQuietly(ch);
        HELD.remove(lockFile);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }

    // ---- the manifest ----

    /** The content of {@value #MANIFEST}. */
    record Manifest(Identity identity, List<String> files, boolean complete) {
        /** The manifest of {@code dir}, or null when there is none. */
        static Manifest read(Path dir) throws IOException {
            Path f = dir.resolve(MANIFEST);
            if (!Files.isRegularFile(f)) {
                return null;
            }
            JsonNode n;
            try {
                n = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadInputException(f + ": not a SyncSim manifest (" + e.getOriginalMessage() + "); remove"
                        + " the directory or choose another --out DIR");
            }
            if (n == null || n.path("syncsim_results").asInt() != FORMAT || !n.path("files").isArray()) {
                throw new BadInputException(f + ": expected \"syncsim_results\": " + FORMAT + " and a \"files\""
                        + " list; remove the directory or choose another --out DIR");
            }
            List<String> files = new ArrayList<>();
            for (JsonNode x : n.path("files")) {
                String name = x.asText();
                if (!safeRelative(name)) {
                    throw new BadInputException(f + ": files: \"" + name + "\" is not a path inside the directory");
                }
                files.add(name);
            }
            return new Manifest(new Identity(n.path("command").asText(), strings(n.path("scenario")),
                    strings(n.path("settings"))), files, n.path("complete").asBoolean());
        }

        void write(Path dir) throws IOException {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("syncsim_results", FORMAT);
            root.put("command", identity.command());
            root.put("scenario", identity.sources());
            root.put("settings", identity.settings());
            root.put("complete", complete);
            root.put("files", files);
            AtomicFiles.write(dir.resolve(MANIFEST), JSON.writeValueAsString(root) + "\n");
        }

        private static List<String> strings(JsonNode n) {
            List<String> out = new ArrayList<>();
            n.forEach(x -> out.add(x.asText()));
            return out;
        }
    }

    /** A manifest entry stays inside its directory: relative, no {@code ..}, no backslash, not the manifest. */
    private static boolean safeRelative(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.equals(MANIFEST)) {
            return false;
        }
        for (String seg : name.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return false;
            }
        }
        return true;
    }

    // ---- file helpers ----

    /** Whether {@code dir} is absent or holds nothing but this class's own lock and staging files. */
    private static boolean isEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().startsWith(".syncsim-"));
        }
    }

    /** Every regular file under {@code root}, as a relative path with {@code /}, sorted. */
    private static List<String> listFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            created.add(0, p); // innermost first, for removal
        }
    }

    /** Removes the directories this command created for nothing (innermost first), if they are still empty. */
    private static void removeCreated(List<Path> created) {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                return; // someone else wrote there meanwhile
            } catch (IOException e) {
                return;
            }
        }
        created.clear();
    }

    /** Removes {@code p}'s directory and its parents up to the results directory while they are empty. */
    private void removeEmptyParents(Path p) throws IOException {
        while (p != null && !p.equals(dir) && p.startsWith(dir)) {
            try (Stream<Path> s = Files.list(p)) {
                if (s.findAny().isPresent()) {
                    return;
                }
            } catch (NoSuchFileException e) {
                p = p.getParent();
                continue;
            }
            Files.delete(p);
            p = p.getParent();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the next command on this directory removes what is left (removeStaleStaging)
        }
    }
}
