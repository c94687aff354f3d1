package org.syncsim.bench;

import java.util.Arrays;

/**
 * The ceiling reference: a minimal binary min-heap of primitive doubles with plain add and poll, no event
 * objects, no tie-breaking and no dispatch. No engine can order events with less work than this.
 */
final class DoubleHeap {
    private double[] heap;
    private int size;

    DoubleHeap(int capacity) {
        heap = new double[Math.max(2, capacity)];
    }

    int size() {
        return size;
    }

    void add(double x) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, 2 * size);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            double p = heap[parent];
            if (p <= x) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = x;
    }

    /** Removes and returns the smallest element; the heap must not be empty. */
    double poll() {
        double[] h = heap;
        double first = h[0];
        int last = --size;
        double x = h[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            double c = h[child];
            int right = child + 1;
            if (right < last && h[right] < c) {
                child = right;
                c = h[right];
            }
            if (x <= c) {
                break;
            }
            h[i] = c;
            i = child;
        }
        h[i] = x;
        return first;
    }
}
