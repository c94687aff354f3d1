package org.syncsim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A trace sink writing one tab-separated line per record: time in seconds (a plain number with six decimals, so
 * spreadsheets and scripts read it as is), kind, details.
 */
public final class WriterTrace implements TraceSink {
    private final Writer out;

    public WriterTrace(Writer out) {
        this.out = out;
    }

    @Override
    public void record(long time, String kind, String details) {
        try {
            out.write(String.format(java.util.Locale.ROOT, "%.6f", SimTime.toSeconds(time)));
            out.write('\t');
            out.write(kind);
            out.write('\t');
            out.write(details);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace", e);
        }
    }
}
