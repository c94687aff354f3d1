package org.syncsim.protocol.chunk;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiving half of the addon's chunk manager ({@code TWRA.chunkManager}, spec §3.6-§3.7, §4.3, §6(e)),
 * flaws included (B15, B16): duplicate chunks count as progress, a duplicate header wipes the transfer, nothing
 * times out, a completed blob waits in {@code storedChunkData} until a reference consumes it, and the 3600 s sweep
 * runs only when some transfer completes. Times are the owner's {@code GetTime()} seconds. Runtime state: a reload
 * discards it (create a new manager).
 */
public final class ChunkManager {
    /** Age after which the sweep drops transfers, completed ids and parked blobs ({@code ChunkManager.lua:563}). */
    public static final double CLEANUP_AGE_SECONDS = 3600;

    /** What a header did. */
    public enum HeaderOutcome {
        /** The transfer id was already completed ({@code processedTransfers}): ignored. */
        IGNORED_COMPLETED,
        /** A new receive slot. */
        STARTED,
        /** A slot existed and was re-created: its chunks are forgotten (B15). */
        RESTARTED
    }

    /** What a chunk did. */
    public enum ChunkOutcome {
        /** No receive slot for this id (no header, or already completed): discarded. */
        UNKNOWN_TRANSFER,
        /** Stored and counted; not yet complete. */
        STORED,
        /** Stored into an occupied slot (or an out-of-range one) and still counted as progress (B15). */
        DUPLICATE_COUNTED,
        /** The count reached the expected number and the data was assembled and parked. */
        COMPLETED,
        /** The count reached the expected number but a slot was empty: nothing assembled (B15). */
        ASSEMBLY_FAILED
    }

    private static final class Receiving {
        final int expected;
        int received;
        final Map<Integer, String> chunks = new TreeMap<>();
        final long dataLength;
        final int sender;
        double timestamp;

        Receiving(int expected, long dataLength, int sender, double timestamp) {
            this.expected = expected;
            this.dataLength = dataLength;
            this.sender = sender;
            this.timestamp = timestamp;
        }
    }

    private record Stored(String data, double timestamp, int sender, long dataLength) {
    }

    private boolean initialized;
    private final Map<String, Receiving> receiving = new LinkedHashMap<>();
    private final Map<String, Double> processed = new LinkedHashMap<>();
    private final Map<String, Stored> stored = new LinkedHashMap<>();

    /** True once {@code Initialize()} ran (first send, first header or first chunk since login). */
    public boolean isInitialized() {
        return initialized;
    }

    /** {@code Initialize()}: lazily, once per login (§4.3). */
    public void ensureInitialized() {
        if (!initialized) {
            initialized = true;
            receiving.clear();
            processed.clear();
            stored.clear();
        }
    }

    /** A {@code CHUNKED} header arrived (§3.6). */
    public HeaderOutcome onHeader(String tid, long totalBytes, int count, int sender, double getTime) {
        ensureInitialized();
        if (processed.containsKey(tid)) {
            return HeaderOutcome.IGNORED_COMPLETED;
        }
        Receiving previous = receiving.put(tid, new Receiving(count, totalBytes, sender, getTime));
        return previous == null ? HeaderOutcome.STARTED : HeaderOutcome.RESTARTED;
    }

    /** A {@code CHUNK} arrived (§3.7 steps 2-4). */
    public ChunkOutcome onChunk(String tid, int n, String payload, double getTime) {
        ensureInitialized();
        Receiving r = receiving.get(tid);
        if (r == null) {
            return ChunkOutcome.UNKNOWN_TRANSFER;
        }
        boolean duplicate = r.chunks.put(n, payload) != null || n < 1 || n > r.expected;
        r.received++;
        r.timestamp = getTime;
        if (r.expected > 0 && r.received == r.expected) {
            boolean ok = assemble(tid, getTime);
            return ok ? ChunkOutcome.COMPLETED : ChunkOutcome.ASSEMBLY_FAILED;
        }
        return duplicate ? ChunkOutcome.DUPLICATE_COUNTED : ChunkOutcome.STORED;
    }

    /**
     * {@code RetrieveChunkData(tid)}: the parked blob, removed on the way out, or null. If none is parked but the
     * transfer has received something, assembly is tried once more (§3.7 steps 5-6).
     */
    public String retrieve(String tid, double getTime) {
        Stored s = stored.remove(tid);
        if (s != null) {
            return s.data;
        }
        Receiving r = receiving.get(tid);
        if (r != null && r.received > 0 && assemble(tid, getTime)) {
            Stored late = stored.remove(tid);
            return late == null ? null : late.data;
        }
        return null;
    }

    /** {@code ProcessChunks}: succeeds only if slots 1..expected are all present (a length mismatch is only logged). */
    private boolean assemble(String tid, double getTime) {
        Receiving r = receiving.get(tid);
        if (r == null) {
            return false;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= r.expected; i++) {
            String part = r.chunks.get(i);
            if (part == null) {
                return false;
            }
            sb.append(part);
        }
        stored.put(tid, new Stored(sb.toString(), getTime, r.sender, r.dataLength));
        processed.put(tid, getTime);
        receiving.remove(tid);
        cleanup(getTime);
        return true;
    }

    /** {@code CleanupOldTransfers}: drops entries older than an hour from all three tables. */
    private void cleanup(double now) {
        for (Iterator<Receiving> it = receiving.values().iterator(); it.hasNext();) {
            if (now - it.next().timestamp > CLEANUP_AGE_SECONDS) {
                it.remove();
            }
        }
        processed.values().removeIf(t -> now - t > CLEANUP_AGE_SECONDS);
        stored.values().removeIf(s -> now - s.timestamp > CLEANUP_AGE_SECONDS);
    }

    /** Transfers still being received (incomplete ones linger, B16). */
    public int receivingCount() {
        return receiving.size();
    }

    /** Assembled blobs not yet consumed by a reference. */
    public int storedCount() {
        return stored.size();
    }

    /** True if {@code tid} completed (and was not swept). */
    public boolean isCompleted(String tid) {
        return processed.containsKey(tid);
    }

    /** Chunks counted for an open transfer, or -1 if none is open. */
    public int receivedCount(String tid) {
        Receiving r = receiving.get(tid);
        return r == null ? -1 : r.received;
    }
}
