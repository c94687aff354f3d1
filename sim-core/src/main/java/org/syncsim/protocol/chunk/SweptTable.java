package org.syncsim.protocol.chunk;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A table keyed by text, with the addon's sweep (drop every entry whose time is more than an age before now) at
 * the cost of what it drops rather than of the whole table: the chunk manager's tables ({@code
 * CleanupOldTransfers}) and the BSREQ dedup table of {@code head}.
 *
 * <p>The addon scans such a table in full on every completed transfer or every request, which is quadratic in the
 * transfers or requests a client has seen: in a 40-member storm each member completes hundreds, and in a stress
 * raid of hundreds each member hears hundreds of requests. Two facts give the same outcome cheaply.
 * The table keeps a lower bound of its entries' times (the oldest time put or touched since the last full scan),
 * so a sweep that cannot drop anything returns at once. And while entries were put in time order and their times
 * never change (the completed and parked tables, since the owner's {@code GetTime()} never goes back), the old
 * entries are a prefix of the insertion order, so the sweep stops at the first young one. Whatever the calls, the
 * entries left are exactly those a full scan would leave.
 *
 * @param <V> the entry; its time is read with the function given at construction
 */
public final class SweptTable<V> {
    private final Map<String, V> entries = new LinkedHashMap<>();
    private final ToDoubleFunction<V> timeOf;
    private final boolean fixedTimes;
    /** No entry's time is below this. */
    private double oldestBound = Double.POSITIVE_INFINITY;
    private double lastPut = Double.NEGATIVE_INFINITY;
    /** True while every put came at or after the previous one (insertion order is time order). */
    private boolean inTimeOrder = true;

    /**
     * @param timeOf an entry's time in seconds
     * @param fixedTimes true if an entry's time never changes once put (then a sweep may stop at the first young
     *     entry); false if callers raise it in place
     */
    public SweptTable(ToDoubleFunction<V> timeOf, boolean fixedTimes) {
        this.timeOf = timeOf;
        this.fixedTimes = fixedTimes;
    }

    public V get(String key) {
        return entries.get(key);
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    public V remove(String key) {
        return entries.remove(key);
    }

    public int size() {
        return entries.size();
    }

    /** Puts {@code value} (replacing any entry of {@code key}); returns the replaced entry or null. */
    public V put(String key, V value) {
        double t = timeOf.applyAsDouble(value);
        oldestBound = Math.min(oldestBound, t);
        V previous = entries.put(key, value);
        inTimeOrder &= previous == null && t >= lastPut;
        lastPut = Math.max(lastPut, t);
        return previous;
    }

    /** An entry's time was raised in place to {@code t} (only for a table without fixed times). */
    public void touched(double t) {
        oldestBound = Math.min(oldestBound, t);
    }

    public void clear() {
        entries.clear();
        oldestBound = Double.POSITIVE_INFINITY;
        lastPut = Double.NEGATIVE_INFINITY;
        inTimeOrder = true;
    }

    /** Drops every entry with {@code now - time > age}. */
    public void sweep(double now, double age) {
        if (!(now - oldestBound > age)) {
            return;
        }
        boolean prefixOnly = fixedTimes && inTimeOrder;
        double oldest = Double.POSITIVE_INFINITY;
        for (Iterator<V> it = entries.values().iterator(); it.hasNext();) {
            double t = timeOf.applyAsDouble(it.next());
            if (now - t > age) {
                it.remove();
            } else if (prefixOnly) {
                oldest = t;
                break;
            } else {
                oldest = Math.min(oldest, t);
            }
        }
        oldestBound = oldest;
    }
}
