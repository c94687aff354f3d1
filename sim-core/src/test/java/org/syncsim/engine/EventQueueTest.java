package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    private record Entry(long time, long order, Object item) {
    }

    /** Pops everything, checking (time, insertion order) against a stable sort of what was added. */
    private static void drainInStableOrder(EventQueue queue, List<Entry> added) {
        List<Entry> expected = new ArrayList<>(added);
        expected.sort(Comparator.comparingLong(Entry::time).thenComparingLong(Entry::order));
        for (Entry e : expected) {
            assertEquals(e.time(), queue.peekTime());
            assertSame(e.item(), queue.peekItem());
            queue.removeFirst();
        }
        assertTrue(queue.isEmpty());
    }

    @Test
    void sequenceNumbersAreRenumberedWithoutBreakingFifoTies() {
        // A tiny sequence space forces many renumberings while entries with equal times are pending.
        EventQueue queue = new EventQueue(4, 64);
        UniformRandomProvider rng = RandomStreams.fresh(3, "test/renumber");
        List<Entry> pending = new ArrayList<>();
        long order = 0;
        long now = 0;
        for (int round = 0; round < 2_000; round++) {
            if (pending.size() < 40 && (pending.isEmpty() || rng.nextBoolean())) {
                Object item = new Object();
                long at = now + rng.nextInt(4);
                queue.add(at, item);
                pending.add(new Entry(at, order++, item));
            } else {
                Entry first = pending.stream()
                        .min(Comparator.comparingLong(Entry::time).thenComparingLong(Entry::order)).orElseThrow();
                assertEquals(first.time(), queue.peekTime());
                assertSame(first.item(), queue.peekItem());
                queue.removeFirst();
                pending.remove(first);
                now = first.time();
            }
        }
        drainInStableOrder(queue, pending);
    }

    /** Random interleaved adds and removals, with and without time ties, against a reference priority queue. */
    @Test
    void randomInterleavedOperationsMatchAReferencePriorityQueue() {
        for (int spread : new int[] {3, 1_000, 1_000_000_000}) {
            EventQueue queue = new EventQueue(2);
            PriorityQueue<Entry> reference = new PriorityQueue<>(
                    Comparator.comparingLong(Entry::time).thenComparingLong(Entry::order));
            UniformRandomProvider rng = RandomStreams.fresh(spread, "test/reference");
            long order = 0;
            long now = 0;
            for (int op = 0; op < 200_000; op++) {
                boolean add = reference.isEmpty() || (reference.size() < 5_000 && rng.nextInt(100) < 52);
                if (add) {
                    Object item = new Object();
                    long at = now + rng.nextInt(spread);
                    queue.add(at, item);
                    reference.add(new Entry(at, order++, item));
                } else {
                    Entry first = reference.poll();
                    assertEquals(first.time(), queue.peekTime());
                    assertSame(first.item(), queue.peekItem());
                    queue.removeFirst();
                    now = first.time();
                }
                assertEquals(reference.size(), queue.size());
            }
            drainInStableOrder(queue, new ArrayList<>(reference));
        }
    }

    /** Replacing the earliest entry gives the order that removing it and adding the new one gives. */
    @Test
    void replacingTheFirstEntryIsRemovingItThenAdding() {
        for (long seqLimit : new long[] {EventQueue.DEFAULT_SEQ_LIMIT, 64}) {
            for (int spread : new int[] {3, 1_000_000}) {
                EventQueue queue = new EventQueue(2, seqLimit);
                PriorityQueue<Entry> reference = new PriorityQueue<>(
                        Comparator.comparingLong(Entry::time).thenComparingLong(Entry::order));
                UniformRandomProvider rng = RandomStreams.fresh(spread, "test/replace");
                long order = 0;
                for (int op = 0; op < 100_000; op++) {
                    int kind = reference.isEmpty() ? 0 : rng.nextInt(3);
                    long now = reference.isEmpty() ? 0 : reference.peek().time();
                    Object item = new Object();
                    long at = now + rng.nextInt(spread);
                    if (kind == 0 && reference.size() < 2_000) {
                        queue.add(at, item);
                        reference.add(new Entry(at, order++, item));
                    } else if (kind == 1) {
                        reference.poll();
                        queue.removeFirst();
                    } else {
                        reference.poll();
                        queue.replaceFirst(at, item);
                        reference.add(new Entry(at, order++, item));
                    }
                    assertEquals(reference.size(), queue.size());
                    if (!reference.isEmpty()) {
                        assertEquals(reference.peek().time(), queue.peekTime());
                        assertSame(reference.peek().item(), queue.peekItem());
                    }
                }
                drainInStableOrder(queue, new ArrayList<>(reference));
            }
        }
    }

    @Test
    void growingFromATinyCapacityKeepsOrderAndReusesSlots() {
        EventQueue queue = new EventQueue(1);
        List<Entry> added = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Object item = new Object();
            long at = (i * 37L) % 101;
            queue.add(at, item);
            added.add(new Entry(at, i, item));
        }
        assertEquals(1_000, queue.size());
        drainInStableOrder(queue, added);
        // Slots freed by the drain are reused: the queue does not grow past its working size.
        int slot = queue.add(5, "again");
        assertTrue(slot < 1_000, "slot " + slot);
    }

    @Test
    void purgeDropsOnlyStaleEntries() {
        EventQueue queue = new EventQueue(16);
        List<Entry> live = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Object item = new Object();
            long at = (i * 13L) % 50;
            int slot = queue.add(at, item);
            if (i % 4 == 0) {
                live.add(new Entry(at, i, item));
            } else {
                queue.markStale(slot);
            }
        }
        queue.purgeStale();
        assertEquals(live.size(), queue.size());
        drainInStableOrder(queue, live);
    }
}
