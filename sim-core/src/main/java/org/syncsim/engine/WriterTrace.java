package org.syncsim.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** A trace sink writing one tab-separated line per record: time in seconds, kind, details. */
public final class WriterTrace implements TraceSink {
    private final Writer out;

    public WriterTrace(Writer out) {
        this.out = out;
    }

    @Override
    public void record(long time, String kind, String details) {
        try {
            out.write(SimTime.format(time));
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
