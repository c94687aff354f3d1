package org.syncsim.protocol.data.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Lua table read from table-constructor text: keys are {@link String}, {@link Long} (integral numbers) or
 * {@link Double}; values are {@link String}, {@link Long}, {@link Double}, {@link Boolean} or {@code LuaTable}.
 * Assigning {@code nil} removes a key, as in Lua. Iteration follows first insertion.
 */
public final class LuaTable {
    private final Map<Object, Object> entries = new LinkedHashMap<>();

    public Object get(Object key) {
        return entries.get(normaliseKey(key));
    }

    void put(Object key, Object value) {
        Object k = normaliseKey(key);
        if (value == null) {
            entries.remove(k);
        } else {
            entries.put(k, value);
        }
    }

    public int size() {
        return entries.size();
    }

    public Map<Object, Object> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    /** The largest positive integer key, or 0 (the extent of the table's array part, holes included). */
    public long maxIndex() {
        long max = 0;
        for (Object k : entries.keySet()) {
            if (k instanceof Long l && l > max) {
                max = l;
            }
        }
        return max;
    }

    static Object normaliseKey(Object key) {
        if (key instanceof Integer i) {
            return (long) i;
        }
        if (key instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p53) {
            return (long) (double) d;
        }
        return key;
    }
}
