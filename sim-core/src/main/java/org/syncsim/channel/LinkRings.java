package org.syncsim.channel;

import java.util.Arrays;

/**
 * Spare ring arrays for {@link GroupBus}'s links, kept per thread. In a storm each of the ~1 600 (sender, recipient)
 * links fills from 4 to a few hundred copies in flight, growing fourfold, and every replication starts again from
 * empty links: without spares each growth allocates and zeroes a fresh pair of arrays, which the replication then
 * drops. A pair given back here (one a link has grown out of, or one a released bus held) goes to the next link that
 * grows to that size, or to a new link, which takes the largest pair kept: so in a thread's next replication the
 * links start with the rings the last one grew to. Which arrays a link uses never changes what it delivers: a slot
 * is read only after the link has written it.
 */
final class LinkRings {
    /** Capacity of a new link's ring; each growth multiplies it by four. */
    static final int FIRST = 4;
    /** Capacities 4, 16, ..., 4^8 = 65 536 are kept; larger rings (none in a 40-member raid) are left to the GC. */
    private static final int CLASSES = 8;
    /** Array entries kept per thread (8 or 4 bytes each: at most 12 MB, about what a 40-member storm's links use). */
    private static final int BUDGET = 1 << 21;

    private static final ThreadLocal<LinkRings> SPARES = ThreadLocal.withInitial(LinkRings::new);

    private final long[][][] slots = new long[CLASSES][][];
    private final OutgoingMessage[][][] messages = new OutgoingMessage[CLASSES][][];
    private final int[] slotCount = new int[CLASSES];
    private final int[] messageCount = new int[CLASSES];
    private int kept;

    LinkRings() {
        for (int c = 0; c < CLASSES; c++) {
            slots[c] = new long[4][];
            messages[c] = new OutgoingMessage[4][];
        }
    }

    /** This thread's spares. */
    static LinkRings ofThisThread() {
        return SPARES.get();
    }

    /**
     * The largest capacity kept as a spare, or {@link #FIRST}: a new link starts with the ring a link of the last
     * run grew to, so in a thread's later runs rings seldom grow at all.
     */
    int largest() {
        for (int c = CLASSES - 1; c > 0; c--) {
            if (slotCount[c] > 0 && messageCount[c] > 0) {
                return FIRST << 2 * c;
            }
        }
        return FIRST;
    }

    /** A slot array of {@code capacity} (a power of four from {@link #FIRST}): a spare if one is kept. */
    long[] slots(int capacity) {
        int c = classOf(capacity);
        if (c < 0 || slotCount[c] == 0) {
            return new long[capacity];
        }
        kept -= capacity;
        long[] s = slots[c][--slotCount[c]];
        slots[c][slotCount[c]] = null;
        return s;
    }

    /** A message array of {@code capacity} holding only nulls: a spare if one is kept. */
    OutgoingMessage[] messages(int capacity) {
        int c = classOf(capacity);
        if (c < 0 || messageCount[c] == 0) {
            return new OutgoingMessage[capacity];
        }
        kept -= capacity;
        OutgoingMessage[] m = messages[c][--messageCount[c]];
        messages[c][messageCount[c]] = null;
        return m;
    }

    /**
     * Keeps a ring's two arrays as spares (each if the budget allows), after clearing its {@code used} message
     * entries from {@code head} on, so that no message outlives its replication here.
     */
    void give(long[] s, OutgoingMessage[] m, int head, int used) {
        int capacity = m.length;
        int first = Math.min(used, capacity - head);
        Arrays.fill(m, head, head + first, null);
        Arrays.fill(m, 0, used - first, null);
        int c = classOf(capacity);
        if (c < 0 || kept + 2 * capacity > BUDGET) {
            return;
        }
        if (slotCount[c] == slots[c].length) {
            slots[c] = Arrays.copyOf(slots[c], slotCount[c] * 2);
        }
        if (messageCount[c] == messages[c].length) {
            messages[c] = Arrays.copyOf(messages[c], messageCount[c] * 2);
        }
        slots[c][slotCount[c]++] = s;
        messages[c][messageCount[c]++] = m;
        kept += 2 * capacity;
    }

    /** Slot arrays kept of {@code capacity}, for tests. */
    int spares(int capacity) {
        int c = classOf(capacity);
        return c < 0 ? 0 : slotCount[c];
    }

    /** 0 for 4, 1 for 16, ...; -1 for a capacity that is not kept. */
    private static int classOf(int capacity) {
        int log2 = Integer.numberOfTrailingZeros(capacity);
        int c = (log2 - 2) / 2;
        return Integer.bitCount(capacity) == 1 && log2 >= 2 && (log2 & 1) == 0 && c < CLASSES ? c : -1;
    }
}
