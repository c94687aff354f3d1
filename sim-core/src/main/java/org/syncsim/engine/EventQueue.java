package org.syncsim.engine;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap ordered by (time, sequence), so that events due at the same instant
 * come out in the order they were scheduled.
 *
 * <p>The heap is one primitive array of key pairs {@code [time, seq << SLOT_BITS | slot]}: the sequence number
 * sits in the high bits of the second word, so comparing the pair compares (time, seq), and the low bits name the
 * slot that holds the payload (an {@link Action}, a {@link Timer} or {@link #STALE}). Sifting therefore moves only
 * longs: no object references are copied (no GC write barriers), and four children share one or two cache lines.
 * Nothing is allocated per insertion once the arrays have grown to the working size.
 *
 * <p>A free slot may still reference the payload it last held until the slot is reused; at most as many
 * payloads as the peak number of pending events are kept that way.
 */
final class EventQueue {
    /** Payload of an entry whose timer was cancelled or re-armed; it is skipped when it surfaces. */
    static final Object STALE = new Object();

    static final int SLOT_BITS = 26;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    /** Most entries the queue can hold: 67 108 864. */
    static final int MAX_ENTRIES = 1 << SLOT_BITS;
    /** Sequence numbers must stay below this so that the key word stays non-negative. */
    static final long DEFAULT_SEQ_LIMIT = 1L << (63 - SLOT_BITS);

    private final long seqLimit;
    private long[] keys;
    private int size;
    private long nextSeq;

    private Object[] payloads;
    private int[] freeSlots;
    private int freeCount;
    private int slotsUsed;

    EventQueue(int initialCapacity) {
        this(initialCapacity, DEFAULT_SEQ_LIMIT);
    }

    /** {@code seqLimit} is lowered only by tests, to exercise renumbering. */
    EventQueue(int initialCapacity, long seqLimit) {
        int cap = Math.min(MAX_ENTRIES, Math.max(16, initialCapacity));
        this.seqLimit = seqLimit;
        keys = new long[2 * cap];
        payloads = new Object[cap];
        freeSlots = new int[cap];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Time of the earliest entry; the queue must not be empty. */
    long peekTime() {
        return keys[0];
    }

    /** Payload of the earliest entry (possibly {@link #STALE}); the queue must not be empty. */
    Object peekItem() {
        return payloads[(int) (keys[1] & SLOT_MASK)];
    }

    /** Adds an entry after every entry already present with the same time; returns its slot. */
    int add(long time, Object item) {
        if (nextSeq >= seqLimit) {
            renumber();
        }
        if (size == payloads.length) {
            grow();
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotsUsed++;
        if (payloads[slot] != item) {
            payloads[slot] = item;
        }
        long tag = (nextSeq++ << SLOT_BITS) | slot;
        long[] k = keys;
        int i = size++;
        // The new entry has the largest sequence number, so it goes after any parent with the same time.
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = k[2 * parent];
            if (pt <= time) {
                break;
            }
            k[2 * i] = pt;
            k[2 * i + 1] = k[2 * parent + 1];
            i = parent;
        }
        k[2 * i] = time;
        k[2 * i + 1] = tag;
        return slot;
    }

    /** Marks the entry in {@code slot} as stale; it stays in the heap until it surfaces or is purged. */
    void markStale(int slot) {
        payloads[slot] = STALE;
    }

    /** Removes the earliest entry and frees its slot; read it first with the peek methods. */
    void removeFirst() {
        freeSlots[freeCount++] = (int) (keys[1] & SLOT_MASK);
        dropRoot();
    }

    private void dropRoot() {
        int last = --size;
        if (last > 0) {
            siftDown(0, keys[2 * last], keys[2 * last + 1], last);
        }
    }

    /** Places the key (time, tag) at hole {@code i} or below, in a heap of {@code n} entries. */
    private void siftDown(int i, long time, long tag, int n) {
        long[] k = keys;
        int firstChild;
        while ((firstChild = 4 * i + 1) < n) {
            int best = firstChild;
            long bt = k[2 * firstChild];
            long bg = k[2 * firstChild + 1];
            int end = Math.min(firstChild + 4, n);
            for (int c = firstChild + 1; c < end; c++) {
                long ct = k[2 * c];
                long cg = k[2 * c + 1];
                if (ct < bt || (ct == bt && cg < bg)) {
                    best = c;
                    bt = ct;
                    bg = cg;
                }
            }
            if (time < bt || (time == bt && tag < bg)) {
                break;
            }
            k[2 * i] = bt;
            k[2 * i + 1] = bg;
            i = best;
        }
        k[2 * i] = time;
        k[2 * i + 1] = tag;
    }

    /** Drops every stale entry, frees its slot and restores heap order in O(n). */
    void purgeStale() {
        long[] k = keys;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int slot = (int) (k[2 * i + 1] & SLOT_MASK);
            if (payloads[slot] == STALE) {
                payloads[slot] = null;
                freeSlots[freeCount++] = slot;
            } else {
                k[2 * kept] = k[2 * i];
                k[2 * kept + 1] = k[2 * i + 1];
                kept++;
            }
        }
        size = kept;
        heapify();
    }

    private void heapify() {
        for (int i = (size - 2) >>> 2; size > 1 && i >= 0; i--) {
            siftDown(i, keys[2 * i], keys[2 * i + 1], size);
        }
    }

    /**
     * Gives the pending entries fresh sequence numbers 0..size-1 in their current order, when the numbers would
     * otherwise overflow their bits. Entries in sorted order already form a valid heap.
     */
    private void renumber() {
        int n = size;
        long[] times = new long[n];
        long[] slots = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = keys[0];
            slots[i] = keys[1] & SLOT_MASK;
            dropRoot();
        }
        for (int i = 0; i < n; i++) {
            keys[2 * i] = times[i];
            keys[2 * i + 1] = ((long) i << SLOT_BITS) | slots[i];
        }
        size = n;
        nextSeq = n;
    }

    private void grow() {
        if (size == MAX_ENTRIES) {
            throw new IllegalStateException("the event queue is full: " + MAX_ENTRIES + " pending events");
        }
        int cap = (int) Math.min(MAX_ENTRIES, 2L * payloads.length);
        keys = Arrays.copyOf(keys, 2 * cap);
        payloads = Arrays.copyOf(payloads, cap);
        freeSlots = Arrays.copyOf(freeSlots, cap);
    }
}
