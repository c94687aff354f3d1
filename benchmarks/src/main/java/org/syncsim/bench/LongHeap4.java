package org.syncsim.bench;

import java.util.Arrays;

/**
 * A second ceiling: SyncSim's queue layout (4-ary heap, branch-free choice of the smallest child, padded child
 * groups) stripped to bare non-negative {@code long} times, with no sequence numbers, no payloads and no
 * dispatch. The gap between it and SyncSim is the price of FIFO ties, payload slots and the simulation loop.
 */
final class LongHeap4 {
    private static final long PAD = Long.MAX_VALUE;
    private long[] heap;
    private int size;

    LongHeap4(int capacity) {
        heap = new long[Math.max(4, capacity) + 4];
        Arrays.fill(heap, PAD);
    }

    void add(long x) {
        if (size + 4 >= heap.length) {
            int old = heap.length;
            heap = Arrays.copyOf(heap, 2 * old);
            Arrays.fill(heap, old, heap.length, PAD);
        }
        long[] h = heap;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long p = h[parent];
            if (p <= x) {
                break;
            }
            h[i] = p;
            i = parent;
        }
        h[i] = x;
    }

    /** Removes and returns the smallest element; the heap must not be empty. */
    long poll() {
        long[] h = heap;
        long first = h[0];
        int last = --size;
        long x = h[last];
        h[last] = PAD;
        int i = 0;
        int c;
        while ((c = 4 * i + 1) < last) {
            long t0 = h[c];
            long t1 = h[c + 1];
            long t2 = h[c + 2];
            long t3 = h[c + 3];
            long d01 = t1 - t0;
            long d23 = t3 - t2;
            long s01 = d01 >> 63;
            long s23 = d23 >> 63;
            long m01 = t0 + (d01 & s01);
            long m23 = t2 + (d23 & s23);
            long s = (m23 - m01) >> 63;
            int i01 = c - (int) s01;
            int i23 = c + 2 - (int) s23;
            int best = i01 + ((i23 - i01) & (int) s);
            long b = h[best];
            if (x <= b) {
                break;
            }
            h[i] = b;
            i = best;
        }
        h[i] = x;
        return first;
    }
}
