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
 * <p>The smallest of four children is found with branch-free arithmetic rather than compare-and-branch: which
 * child is smallest is a coin toss the CPU cannot predict, and the mispredictions would otherwise dominate
 * (measured: about 1.8x faster; see benchmarks/README.md). Times must be non-negative, which
 * {@link Simulation} guarantees (the clock starts at 0 and nothing is scheduled in the past).
 */
final class EventQueue {
    /** Payload of an entry whose timer was cancelled or re-armed; it is skipped when it surfaces. */
    static final Object STALE = new Object();

    /** Key word of the positions past the last entry: sorts after every real entry. */
    private static final long PAD = Long.MAX_VALUE;

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
        keys = newKeys(cap);
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

    /**
     * Adds an entry after every entry already present with the same time; returns its slot. {@code time} must
     * be non-negative.
     */
    int add(long time, Object item) {
        if (nextSeq >= seqLimit) {
            renumber();
        }
        if (size == payloads.length) {
            grow();
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotsUsed++;
        payloads[slot] = item;
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
        int slot = (int) (keys[1] & SLOT_MASK);
        payloads[slot] = null;
        freeSlots[freeCount++] = slot;
        dropRoot();
    }

    /**
     * Removes the earliest entry and adds {@code (time, item)} in one sift from the root: the heap then holds
     * exactly the entries, sequence numbers included, that {@link #removeFirst} followed by {@link #add} would
     * leave, so events come out in the same order. The new entry takes the old one's slot; returns it.
     */
    int replaceFirst(long time, Object item) {
        if (nextSeq >= seqLimit) {
            removeFirst();
            return add(time, item);
        }
        int slot = (int) (keys[1] & SLOT_MASK);
        payloads[slot] = item;
        siftDown(0, time, (nextSeq++ << SLOT_BITS) | slot, size);
        return slot;
    }

    private void dropRoot() {
        int last = --size;
        long time = keys[2 * last];
        long tag = keys[2 * last + 1];
        keys[2 * last] = PAD;
        keys[2 * last + 1] = PAD;
        if (last > 0) {
            siftDown(0, time, tag, last);
        }
    }

    /**
     * Places the key (time, tag) at hole {@code i} or below, in a heap of {@code n} entries. Positions past the
     * last entry hold {@link #PAD} keys, so every child group can be read as four entries; the smallest of four
     * is chosen by branch-free arithmetic on the times, falling back to a full (time, tag) comparison only when
     * times tie.
     */
    private void siftDown(int i, long time, long tag, int n) {
        long[] k = keys;
        int c;
        while ((c = 4 * i + 1) < n) {
            int p = 2 * c;
            long t0 = k[p];
            long t1 = k[p + 2];
            long t2 = k[p + 4];
            long t3 = k[p + 6];
            // Times are >= 0 (or PAD), so differences cannot overflow; d >> 63 is all ones exactly when d < 0.
            long d01 = t1 - t0;
            long d23 = t3 - t2;
            long s01 = d01 >> 63;
            long s23 = d23 >> 63;
            long m01 = t0 + (d01 & s01);
            long m23 = t2 + (d23 & s23);
            long d = m23 - m01;
            long s = d >> 63;
            int i01 = c - (int) s01;
            int i23 = c + 2 - (int) s23;
            int best = i01 + ((i23 - i01) & (int) s);
            long bt = m01 + (d & s);
            if ((d01 == 0) | (d23 == 0) | (d == 0)) {
                best = minChildWithTies(c);
            }
            long bg = k[2 * best + 1];
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

    /** The child of group {@code c..c+3} with the smallest (time, tag). */
    private int minChildWithTies(int c) {
        long[] k = keys;
        int best = c;
        long bt = k[2 * c];
        long bg = k[2 * c + 1];
        for (int j = c + 1; j < c + 4; j++) {
            long jt = k[2 * j];
            long jg = k[2 * j + 1];
            if (jt < bt || (jt == bt && jg < bg)) {
                best = j;
                bt = jt;
                bg = jg;
            }
        }
        return best;
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
        Arrays.fill(k, 2 * kept, 2 * size, PAD);
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

    /** Key pairs for {@code capacity} entries plus one spare child group, all padding. */
    private static long[] newKeys(int capacity) {
        long[] k = new long[2 * (capacity + 4)];
        Arrays.fill(k, PAD);
        return k;
    }

    private void grow() {
        if (size == MAX_ENTRIES) {
            throw new IllegalStateException("the event queue is full: " + MAX_ENTRIES + " pending events");
        }
        int cap = (int) Math.min(MAX_ENTRIES, 2L * payloads.length);
        long[] grown = newKeys(cap);
        System.arraycopy(keys, 0, grown, 0, 2 * size);
        keys = grown;
        payloads = Arrays.copyOf(payloads, cap);
        freeSlots = Arrays.copyOf(freeSlots, cap);
    }
}
