package org.syncsim.protocol.cpu;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.syncsim.engine.FrameClock;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.protocol.client.EncodedSheet;

/**
 * One client's Lua CPU: charges each piece of work at its {@link CpuCosts} rate to the frame it runs in and reports
 * it with that frame's running total ({@link MetricsRecorder#cpuCharged}). A metric only: the work delays nothing
 * in the simulation, so results other than the CPU figures are those of a client with free CPU.
 *
 * <p>The meter follows which blob each section index (and the structure) holds decoded (imported, loaded with the
 * saved variables, or decoded since); with {@link #keepDecoded} (policy {@code cache-compressed: per-import})
 * decoding a blob that is already held decoded costs nothing.
 */
public final class CpuMeter {
    private static final int STRUCTURE = 0;

    private final int client;
    private final FrameClock frames;
    private final CpuCosts costs;
    private final MetricsRecorder metrics;
    private final LongSupplier now;
    private final Map<Integer, String> decoded = new HashMap<>();
    private boolean keepDecoded;
    /** The current frame's span [{@code frameStart}, {@code nextFrameStart}): a charge inside it needs no lookup. */
    private long frameStart = Long.MAX_VALUE;
    private long nextFrameStart = Long.MIN_VALUE;
    private long frameMicros;

    public CpuMeter(int client, FrameClock frames, CpuCosts costs, MetricsRecorder metrics, LongSupplier now) {
        this.client = client;
        this.frames = frames;
        this.costs = costs;
        this.metrics = metrics;
        this.now = now;
    }

    /** Keep the decoded sheet per version (policy {@code cache-compressed: per-import}) instead of decoding again. */
    public void keepDecoded(boolean on) {
        keepDecoded = on;
    }

    /** The client holds {@code sheet} decoded without having done the work now (saved variables at login). */
    public void holdsDecoded(EncodedSheet sheet) {
        decoded.clear();
        for (int i = 0; i < sheet.size(); i++) {
            decoded.put(i + 1, sheet.sectionBlobs().get(i));
        }
        decoded.put(STRUCTURE, sheet.structureBlob());
    }

    /** A message of {@code bytes} built and sent, or received and routed. */
    public void message(int bytes) {
        charge(CpuWork.MESSAGE, bytes);
    }

    /**
     * An import ({@code StoreSegmentedData}, §6(b) step 1): every section and the structure serialised, compressed
     * and Base64-encoded. (Decoding the pasted import string is not charged: its format is the spreadsheet's.)
     */
    public void importSheet(EncodedSheet sheet) {
        long text = 0;
        long chars = 0;
        for (String blob : sheet.sectionBlobs()) {
            BlobSizes s = BlobSizes.of(blob);
            text += s.text();
            chars += s.base64();
        }
        BlobSizes st = BlobSizes.of(sheet.structureBlob());
        text += st.text();
        chars += st.base64();
        charge(CpuWork.SERIALISE, text);
        charge(CpuWork.COMPRESS, text);
        charge(CpuWork.BASE64, chars);
        holdsDecoded(sheet);
    }

    /** {@code ProcessSectionData(index)} on {@code blob}: Base64-decoded, decompressed and loaded back into a table. */
    public void decodeSection(int index, String blob) {
        decode(index, blob, keepDecoded);
    }

    /** The structure blob decoded into its name list (§3.5 step 6). */
    public void decodeStructure(String blob) {
        decode(STRUCTURE, blob, keepDecoded);
    }

    /** A blob built from its tables for one send (a {@code seed} full-data answer, §10.1). */
    public void encode(BlobSizes blob) {
        charge(CpuWork.SERIALISE, blob.text());
        charge(CpuWork.COMPRESS, blob.text());
        charge(CpuWork.BASE64, blob.base64());
    }

    /** A blob decoded once, never kept (a {@code seed} full-data answer applied, §10.1). */
    public void decodeWhole(String blob) {
        decode(-1, blob, false);
    }

    private void decode(int slot, String blob, boolean keep) {
        if (blob == null || blob.isEmpty()) {
            return;
        }
        if (keep && blob.equals(decoded.get(slot))) {
            return;
        }
        if (slot >= 0) {
            decoded.put(slot, blob);
        }
        BlobSizes s = BlobSizes.of(blob);
        charge(CpuWork.BASE64, s.base64());
        charge(CpuWork.DECOMPRESS, s.text());
        charge(CpuWork.REBUILD, s.text());
    }

    private void charge(CpuWork work, long bytes) {
        long micros = costs.micros(work, bytes);
        if (micros <= 0) {
            return;
        }
        long t = now.getAsLong();
        if (t < frameStart || t >= nextFrameStart) {
            long f = frames.indexAtOrBefore(t); // another frame than the current one: its total starts at 0
            frameStart = frames.instant(f);
            nextFrameStart = frames.instant(f + 1);
            frameMicros = 0;
        }
        frameMicros += micros;
        metrics.cpuCharged(t, client, work.key(), micros, frameMicros);
    }
}
