package org.syncsim.protocol.wire;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded memo of a pure function, keyed by the identity of its argument, that forgets the oldest argument first.
 * What it saves is the work every receiver of one broadcast (or every sender of one blob) would repeat on the same
 * object; the receivers of a message all get it within a second or so of its first delivery, so "the last
 * {@code capacity} arguments" covers every message in flight in a storm. A miss only means computing again: the
 * results are the function's whatever the capacity. Not thread-safe: one per run (or per thread).
 *
 * @param <K> the argument, compared by identity
 * @param <V> the function's (immutable) result
 */
public final class IdentityMemo<K, V> {
    private final Map<K, V> values = new IdentityHashMap<>();
    /** Arguments in the order they were remembered; the slot at {@code next} is the oldest. */
    private final Object[] order;
    private int next;

    public IdentityMemo(int capacity) {
        order = new Object[capacity];
    }

    /** The remembered result for this very object, or null. */
    public V get(K key) {
        return values.get(key);
    }

    /** The remembered result for this very object, else {@code function}'s (never null), now remembered. */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> function) {
        V value = values.get(key);
        if (value == null) {
            value = function.apply(key);
            put(key, value);
        }
        return value;
    }

    /** Remembers {@code value} for {@code key} (not already remembered), forgetting the oldest if full. */
    public void put(K key, V value) {
        Object oldest = order[next];
        if (oldest != null) {
            values.remove(oldest);
        }
        order[next] = key;
        next = next + 1 == order.length ? 0 : next + 1;
        values.put(key, value);
    }
}
