package org.syncsim.engine;

import java.util.Arrays;

/**
 * The pending-event set: a binary min-heap ordered by (time, sequence), so that events due at the same instant
 * come out in the order they were scheduled. Keys live in one primitive array, interleaved as
 * {@code [time0, seq0, time1, seq1, ...]}, so comparisons never touch the event objects; the payload array holds
 * either an {@link Action} (fire-and-forget) or a {@link Timer}. Nothing is allocated per insertion once the
 * arrays have grown to the working size.
 */
final class EventQueue {
    private long[] keys;
    private Object[] items;
    private int size;

    EventQueue(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        keys = new long[2 * cap];
        items = new Object[cap];
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

    /** Sequence number of the earliest entry; the queue must not be empty. */
    long peekSeq() {
        return keys[1];
    }

    Object peekItem() {
        return items[0];
    }

    void add(long time, long seq, Object item) {
        if (size == items.length) {
            grow();
        }
        int i = size++;
        // Sift up with a hole: move parents down until the new key fits.
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = keys[2 * parent];
            if (pt < time || (pt == time && keys[2 * parent + 1] < seq)) {
                break;
            }
            keys[2 * i] = pt;
            keys[2 * i + 1] = keys[2 * parent + 1];
            items[i] = items[parent];
            i = parent;
        }
        keys[2 * i] = time;
        keys[2 * i + 1] = seq;
        items[i] = item;
    }

    /** Removes the earliest entry; read it first with the peek methods. */
    void removeFirst() {
        int last = --size;
        long time = keys[2 * last];
        long seq = keys[2 * last + 1];
        Object item = items[last];
        items[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long ct = keys[2 * child];
            long cs = keys[2 * child + 1];
            int right = child + 1;
            if (right < last) {
                long rt = keys[2 * right];
                long rs = keys[2 * right + 1];
                if (rt < ct || (rt == ct && rs < cs)) {
                    child = right;
                    ct = rt;
                    cs = rs;
                }
            }
            if (time < ct || (time == ct && seq < cs)) {
                break;
            }
            keys[2 * i] = ct;
            keys[2 * i + 1] = cs;
            items[i] = items[child];
            i = child;
        }
        keys[2 * i] = time;
        keys[2 * i + 1] = seq;
        items[i] = item;
    }

    /**
     * Drops every entry for which {@code stale} holds and restores heap order in O(n). Used to purge
     * cancelled timers when they outnumber the live entries.
     */
    void removeIf(StalePredicate stale) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!stale.isStale(keys[2 * i + 1], items[i])) {
                keys[2 * kept] = keys[2 * i];
                keys[2 * kept + 1] = keys[2 * i + 1];
                items[kept] = items[i];
                kept++;
            }
        }
        Arrays.fill(items, kept, size, null);
        size = kept;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDownFrom(i);
        }
    }

    private void siftDownFrom(int start) {
        long time = keys[2 * start];
        long seq = keys[2 * start + 1];
        Object item = items[start];
        int i = start;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(right, child)) {
                child = right;
            }
            long ct = keys[2 * child];
            long cs = keys[2 * child + 1];
            if (time < ct || (time == ct && seq < cs)) {
                break;
            }
            keys[2 * i] = ct;
            keys[2 * i + 1] = cs;
            items[i] = items[child];
            i = child;
        }
        keys[2 * i] = time;
        keys[2 * i + 1] = seq;
        items[i] = item;
    }

    private boolean less(int a, int b) {
        long ta = keys[2 * a];
        long tb = keys[2 * b];
        return ta < tb || (ta == tb && keys[2 * a + 1] < keys[2 * b + 1]);
    }

    private void grow() {
        int cap = items.length * 2;
        keys = Arrays.copyOf(keys, 2 * cap);
        items = Arrays.copyOf(items, cap);
    }

    @FunctionalInterface
    interface StalePredicate {
        boolean isStale(long seq, Object item);
    }
}
