package org.syncsim.protocol.chunk;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A table of timed entries keyed by a text's number ({@link TextIds}), with the addon's sweep (drop every entry
 * whose time is more than an age before now) at the cost of what it drops rather than of the whole table: the
 * chunk manager's tables ({@code CleanupOldTransfers}) and the BSREQ dedup table of {@code head}.
 *
 * <p>The addon scans such a table in full on every completed transfer or every request, which is quadratic in the
 * transfers or requests a client has seen: in a 40-member storm each member completes hundreds, and in a stress
 * raid of hundreds each member hears hundreds of requests. Two facts give the same outcome cheaply.
 * The table keeps a lower bound of its entries' times (the oldest time put or touched since the last full scan),
 * so a sweep that cannot drop anything returns at once. And while entries were put in time order and their times
 * never changed, the old entries are a prefix of the insertion order, so the sweep stops at the first young one.
 * Whatever the calls, the entries left are exactly those a full scan would leave.
 *
 * <p>Layout: entries and times in arrays indexed by number (a run numbers its transfers densely, in the order they
 * are first met, so the transfers a client works on are neighbours in memory), and the numbers in insertion order
 * in a list that a removal leaves stale (skipped, and compacted when the list fills) rather than shifts. An entry
 * put again after a removal goes to the end of the order, as in a {@link java.util.LinkedHashMap}.
 *
 * @param <V> the entry (never null)
 */
public final class SweptTable<V> {
    private Object[] values = new Object[16];
    private double[] times = new double[16];
    /** Index in {@link #order} of each present entry (meaningless for an absent one). */
    private int[] position = new int[16];
    /** Numbers in insertion order from {@link #start} to {@link #end}; a slot that is not its entry's position is stale. */
    private int[] order = new int[16];
    private int start;
    private int end;
    private int size;
    /** No entry's time is below this. */
    private double oldestBound = Double.POSITIVE_INFINITY;
    private double lastPut = Double.NEGATIVE_INFINITY;
    /** True while every put came at or after the previous one and no time was raised (order is time order). */
    private boolean inTimeOrder = true;

    /** The entry numbered {@code id}, or null ({@code id} may be -1: no number, no entry). */
    @SuppressWarnings("unchecked")
    public V get(int id) {
        return id >= 0 && id < values.length ? (V) values[id] : null;
    }

    public boolean containsKey(int id) {
        return get(id) != null;
    }

    /** The time of the entry numbered {@code id} (present). */
    public double time(int id) {
        return times[id];
    }

    /** Removes the entry numbered {@code id}; returns it, or null if there was none. */
    public V remove(int id) {
        V v = get(id);
        if (v != null) {
            values[id] = null;
            size--;
        }
        return v;
    }

    public int size() {
        return size;
    }

    /**
     * Puts {@code value} at time {@code t} (replacing any entry of {@code id}, which keeps its place in the order);
     * returns the replaced entry or null.
     */
    public V put(int id, V value, double t) {
        if (id >= values.length) {
            int n = Math.max(id + 1, 2 * values.length);
            values = Arrays.copyOf(values, n);
            times = Arrays.copyOf(times, n);
            position = Arrays.copyOf(position, n);
        }
        oldestBound = Math.min(oldestBound, t);
        V previous = get(id);
        values[id] = value;
        times[id] = t;
        if (previous == null) {
            size++;
            append(id);
        }
        inTimeOrder &= previous == null && t >= lastPut;
        lastPut = Math.max(lastPut, t);
        return previous;
    }

    /** Raises the time of the entry numbered {@code id} (present) to {@code t} in place. */
    public void touch(int id, double t) {
        times[id] = t;
        oldestBound = Math.min(oldestBound, t);
        inTimeOrder = false;
    }

    public void clear() {
        Arrays.fill(values, null);
        start = 0;
        end = 0;
        size = 0;
        oldestBound = Double.POSITIVE_INFINITY;
        lastPut = Double.NEGATIVE_INFINITY;
        inTimeOrder = true;
    }

    /** Drops every entry with {@code now - time > age}. */
    public void sweep(double now, double age) {
        sweep(now, age, null);
    }

    /** {@link #sweep(double, double)}, telling {@code dropped} (if not null) the number of each entry it drops. */
    public void sweep(double now, double age, IntConsumer dropped) {
        if (!(now - oldestBound > age)) {
            return;
        }
        double oldest = Double.POSITIVE_INFINITY;
        if (inTimeOrder) {
            while (start < end) {
                int id = order[start];
                if (isAt(id, start)) {
                    double t = times[id];
                    if (!(now - t > age)) {
                        oldest = t;
                        break;
                    }
                    drop(id, dropped);
                }
                start++;
            }
        } else {
            int kept = 0;
            for (int k = start; k < end; k++) {
                int id = order[k];
                if (!isAt(id, k)) {
                    continue;
                }
                double t = times[id];
                if (now - t > age) {
                    drop(id, dropped);
                } else {
                    oldest = Math.min(oldest, t);
                    order[kept] = id;
                    position[id] = kept++;
                }
            }
            start = 0;
            end = kept;
        }
        oldestBound = oldest;
    }

    private void drop(int id, IntConsumer dropped) {
        values[id] = null;
        size--;
        if (dropped != null) {
            dropped.accept(id);
        }
    }

    /** True if slot {@code k} of the order holds the present entry {@code id}. */
    private boolean isAt(int id, int k) {
        return values[id] != null && position[id] == k;
    }

    private void append(int id) {
        if (end == order.length) {
            compact();
            if (end > order.length / 2) {
                order = Arrays.copyOf(order, 2 * order.length);
            }
        }
        order[end] = id;
        position[id] = end++;
    }

    /** Drops the stale slots, keeping the order of the others. */
    private void compact() {
        int kept = 0;
        for (int k = start; k < end; k++) {
            int id = order[k];
            if (isAt(id, k)) {
                order[kept] = id;
                position[id] = kept++;
            }
        }
        start = 0;
        end = kept;
    }
}
