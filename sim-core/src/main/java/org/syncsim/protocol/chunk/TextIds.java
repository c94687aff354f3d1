package org.syncsim.protocol.chunk;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Small numbers for texts: the transfer ids of one run (every client's chunk tables are then arrays indexed by
 * number, {@link SweptTable}), or the keys of one client's BSREQ dedup table. Equal texts get the same number while
 * it is held, so a table keyed by number behaves as the addon's table keyed by text. A number can be released and
 * is then given to a later text (the dedup table releases the keys its sweep drops, so its numbering stays as small
 * as the table). Not thread-safe: one per run (or per table).
 */
public final class TextIds {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] texts = new String[16];
    private int[] free = new int[0];
    private int freeCount;
    private int next;

    /** The number of {@code text}, given it now if it has none. */
    public int of(String text) {
        Integer known = ids.get(text);
        if (known != null) {
            return known;
        }
        int id;
        if (freeCount > 0) {
            id = free[--freeCount];
        } else {
            id = next++;
            if (id == texts.length) {
                texts = Arrays.copyOf(texts, 2 * id);
            }
        }
        texts[id] = text;
        ids.put(text, id);
        return id;
    }

    /** The number of {@code text}, or -1 if it has none (a lookup that must not grow the numbering). */
    public int find(String text) {
        Integer known = ids.get(text);
        return known == null ? -1 : known;
    }

    /** Forgets the text numbered {@code id}; the number goes to a later text. */
    public void release(int id) {
        ids.remove(texts[id]);
        texts[id] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, Math.max(8, 2 * freeCount));
        }
        free[freeCount++] = id;
    }

    /** Texts numbered now. */
    public int size() {
        return ids.size();
    }
}
