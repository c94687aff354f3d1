package org.syncsim.protocol.client;

import java.util.Map;
import java.util.SortedMap;

/**
 * One client's progress toward the newest data ({@link GroundTruth}), the addon's UI feedback of plan §6. With n
 * sections in the newest sheet, a client holds a place (the structure, or section i in 1..n) when its stored blob
 * there equals the newest one; its progress is {@code min(held, n) / (n + 1)}, or exactly 1 when it holds the newest
 * complete data as {@link GroundTruth#heldBy} defines it (every place held, both timestamps the newest, n entries,
 * none of 1..n marked missing). So holding every blob under another timestamp reads n/(n + 1), not 1; no newest
 * data, or no compressed cache (example data), reads 0.
 *
 * <p>Remembers, per place, the stored blob instance it last compared and the verdict, so judging again after one
 * section changed compares one blob, not the whole sheet (a push redelivers every blob to every member).
 */
final class ProgressGauge {
    private EncodedSheet sheet;
    /** Place 0 is the structure, place i the section i. */
    private String[] compared = new String[0];
    private boolean[] equal = new boolean[0];

    /** The progress of a client holding these values ({@code structure} and {@code sections} may be null/empty). */
    double fraction(GroundTruth truth, long a, long c, int dataCount, String structure,
            SortedMap<Integer, String> sections, Map<Integer, String> missing) {
        if (!truth.isPresent()) {
            return 0;
        }
        EncodedSheet newest = truth.sheet();
        int n = newest.size();
        if (newest != sheet) {
            sheet = newest;
            compared = new String[n + 1];
            equal = new boolean[n + 1];
        }
        int held = holds(0, structure, newest.structureBlob()) ? 1 : 0;
        for (Map.Entry<Integer, String> e : sections.entrySet()) {
            int i = e.getKey();
            if (i > n) {
                break;
            }
            if (i >= 1 && holds(i, e.getValue(), newest.sectionBlobs().get(i - 1))) {
                held++;
            }
        }
        if (held == n + 1 && a == truth.timestamp() && c == truth.timestamp() && dataCount == n
                && noneMissing(missing, n)) {
            return 1;
        }
        return Math.min(held, n) / (double) (n + 1);
    }

    private boolean holds(int place, String stored, String newest) {
        if (stored == null) {
            return false;
        }
        if (stored != compared[place]) {
            compared[place] = stored;
            equal[place] = stored.equals(newest);
        }
        return equal[place];
    }

    private static boolean noneMissing(Map<Integer, String> missing, int n) {
        if (missing.isEmpty()) {
            return true;
        }
        for (int i = 1; i <= n; i++) {
            if (missing.containsKey(i)) {
                return false;
            }
        }
        return true;
    }
}
