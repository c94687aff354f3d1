package org.syncsim.protocol.chunk;

import java.util.Arrays;

/**
 * The receiving half of the addon's chunk manager ({@code TWRA.chunkManager}, spec §3.6-§3.7, §4.3, §6(e)),
 * flaws included (B15, B16): duplicate chunks count as progress, a duplicate header wipes the transfer, nothing
 * times out, a completed blob waits in {@code storedChunkData} until a reference consumes it, and the 3600 s sweep
 * runs only when some transfer completes. Times are the owner's {@code GetTime()} seconds. Runtime state: a reload
 * discards it (create a new manager). The addon's tables are keyed by transfer id; here by the id's number in the
 * run ({@link TextIds}), which names the same transfer for every client.
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
        /** Chunk n in slot n - 1, for n in 1..expected (grown as chunks come, not sized by the header's count). */
        String[] slots = new String[0];
        /** Non-empty slots. */
        int filled;
        final long dataLength;
        final int sender;

        Receiving(int expected, long dataLength, int sender) {
            this.expected = expected;
            this.dataLength = dataLength;
            this.sender = sender;
        }

        /**
         * Stores chunk {@code n} (the latest copy wins); true if it is a duplicate: its slot was taken, or it lies
         * outside 1..expected (the addon stores those too, but assembly never reads them).
         */
        boolean store(int n, String payload) {
            if (n < 1 || n > expected) {
                return true;
            }
            if (n > slots.length) {
                slots = Arrays.copyOf(slots, Math.min(expected, Math.max(n, 2 * slots.length)));
            }
            String previous = slots[n - 1];
            slots[n - 1] = payload;
            if (previous == null) {
                filled++;
                return false;
            }
            return true;
        }
    }

    private record Stored(String data, int sender, long dataLength) {
    }

    private final ChunkJoins joins;
    private final TextIds transferIds;
    private boolean initialized;
    /** Open transfers, timed by their last header or chunk. */
    private final SweptTable<Receiving> receiving = new SweptTable<>();
    /** Completed transfers, timed by their completion. */
    private final SweptTable<Boolean> processed = new SweptTable<>();
    /** Assembled blobs waiting for a reference, timed by their completion. */
    private final SweptTable<Stored> stored = new SweptTable<>();

    /** A manager that joins chunks through the run's shared {@code joins} and numbers transfers by {@code ids}. */
    public ChunkManager(ChunkJoins joins, TextIds ids) {
        this.joins = joins;
        this.transferIds = ids;
    }

    /** A manager on its own. */
    public ChunkManager() {
        this(new ChunkJoins(), new TextIds());
    }

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
        int id = transferIds.of(tid);
        if (processed.containsKey(id)) {
            return HeaderOutcome.IGNORED_COMPLETED;
        }
        Receiving previous = receiving.put(id, new Receiving(count, totalBytes, sender), getTime);
        return previous == null ? HeaderOutcome.STARTED : HeaderOutcome.RESTARTED;
    }

    /** A {@code CHUNK} arrived (§3.7 steps 2-4). */
    public ChunkOutcome onChunk(String tid, int n, String payload, double getTime) {
        ensureInitialized();
        int id = transferIds.find(tid);
        Receiving r = receiving.get(id);
        if (r == null) {
            return ChunkOutcome.UNKNOWN_TRANSFER;
        }
        boolean duplicate = r.store(n, payload);
        r.received++;
        receiving.touch(id, getTime);
        if (r.expected > 0 && r.received == r.expected) {
            boolean ok = assemble(id, getTime);
            return ok ? ChunkOutcome.COMPLETED : ChunkOutcome.ASSEMBLY_FAILED;
        }
        return duplicate ? ChunkOutcome.DUPLICATE_COUNTED : ChunkOutcome.STORED;
    }

    /**
     * {@code RetrieveChunkData(tid)}: the parked blob, removed on the way out, or null. If none is parked but the
     * transfer has received something, assembly is tried once more (§3.7 steps 5-6).
     */
    public String retrieve(String tid, double getTime) {
        int id = transferIds.find(tid);
        Stored s = stored.remove(id);
        if (s != null) {
            return s.data;
        }
        Receiving r = receiving.get(id);
        if (r != null && r.received > 0 && assemble(id, getTime)) {
            Stored late = stored.remove(id);
            return late == null ? null : late.data;
        }
        return null;
    }

    /** {@code ProcessChunks}: succeeds only if slots 1..expected are all present (a length mismatch is only logged). */
    private boolean assemble(int id, double getTime) {
        Receiving r = receiving.get(id);
        if (r == null) {
            return false;
        }
        if (r.filled < r.expected) {
            return false;
        }
        stored.put(id, new Stored(joins.join(id, r.slots), r.sender, r.dataLength), getTime);
        processed.put(id, Boolean.TRUE, getTime);
        receiving.remove(id);
        cleanup(getTime);
        return true;
    }

    /** {@code CleanupOldTransfers}: drops entries older than an hour from all three tables. */
    private void cleanup(double now) {
        receiving.sweep(now, CLEANUP_AGE_SECONDS);
        processed.sweep(now, CLEANUP_AGE_SECONDS);
        stored.sweep(now, CLEANUP_AGE_SECONDS);
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
        return processed.containsKey(transferIds.find(tid));
    }

    /** Chunks counted for an open transfer, or -1 if none is open. */
    public int receivedCount(String tid) {
        Receiving r = receiving.get(transferIds.find(tid));
        return r == null ? -1 : r.received;
    }
}
