package org.syncsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where an unexpected Java error goes: its stack trace to a log file in the temporary directory, and one line on
 * stderr that names the error and the file. A user sees a sentence, a bug report gets the whole trace.
 */
final class CrashLog {
    private CrashLog() {
    }

    /**
     * Writes {@code t}'s stack trace (with the arguments and versions) to a new {@code syncsim-error-*.log} and
     * prints one line on {@code err}; returns {@link ExitCodes#INTERNAL_ERROR}. If even the log cannot be written
     * the trace goes to {@code err} after the line, so it is never lost.
     */
    static int report(Throwable t, String[] args, PrintWriter err) {
        String what = t instanceof OutOfMemoryError
                ? "out of memory (Java heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): the run is"
                        + " larger than the estimate; give Java more with SYNCSIM_JAVA_OPTS=-Xmx8g or run less"
                : "internal error (a bug in SyncSim): " + t;
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("syncsim " + VersionInfo.version() + " on Java " + System.getProperty("java.version") + ", "
                    + Instant.now());
            w.println("arguments: " + String.join(" ", args));
            t.printStackTrace(w);
        }
        try {
            Path log = Files.createTempFile("syncsim-error-", ".log");
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            err.println("syncsim: " + what + "; details in " + log);
        } catch (IOException | RuntimeException e) {
            err.println("syncsim: " + what + " (the log could not be written: " + e.getMessage() + ")");
            err.print(trace);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
