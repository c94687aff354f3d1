package org.syncsim.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProgressGaugeTest {
    /** The class Javadoc's definition, computed afresh: 1 if held as {@link GroundTruth#heldBy} says, else places. */
    private static double defined(GroundTruth truth, long a, long c, int dataCount, String structure,
            SortedMap<Integer, String> sections, Map<Integer, String> missing) {
        if (!truth.isPresent()) {
            return 0;
        }
        if (truth.heldBy(a, c, dataCount, structure, sections, missing)) {
            return 1;
        }
        EncodedSheet s = truth.sheet();
        int n = s.size();
        int held = s.structureBlob().equals(structure) ? 1 : 0;
        for (int i = 1; i <= n; i++) {
            if (s.sectionBlobs().get(i - 1).equals(sections.get(i))) {
                held++;
            }
        }
        return Math.min(held, n) / (double) (n + 1);
    }

    /** A stored value for a place: absent, the newest blob (as a copy or not), or another one. */
    private static String pick(Random r, String newest) {
        return switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> newest;
            case 2 -> new String(newest);
            default -> "other";
        };
    }

    @Test
    void agreesWithItsDefinitionOnRandomStatesAndNewVersions() {
        Random r = new Random(11);
        GroundTruth truth = new GroundTruth();
        ProgressGauge gauge = new ProgressGauge();
        assertEquals(0, gauge.fraction(truth, 1, 1, 0, null, new TreeMap<>(), Map.of()), "no newest data");
        long ts = 100;
        for (int trial = 0; trial < 20_000; trial++) {
            if (trial % 500 == 0) { // a new version, with 1 to 4 sections
                int n = 1 + r.nextInt(4);
                List<String> blobs = new java.util.ArrayList<>();
                List<String> names = new java.util.ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    blobs.add("s" + i + "@" + ts);
                    names.add("Boss" + i);
                }
                truth.publish(++ts, new EncodedSheet(names, blobs, "st@" + ts), 0);
            }
            EncodedSheet s = truth.sheet();
            int n = s.size();
            long a = r.nextInt(5) == 0 ? ts - 1 : ts;
            long c = r.nextInt(5) == 0 ? ts - 1 : ts;
            int dataCount = r.nextInt(5) == 0 ? n + r.nextInt(3) - 1 : n;
            String structure = r.nextInt(3) == 0 ? pick(r, s.structureBlob()) : s.structureBlob();
            SortedMap<Integer, String> sections = new TreeMap<>();
            for (int i = 0; i <= n + 1; i++) { // places 0 and n + 1 lie outside the sheet
                String newest = i >= 1 && i <= n ? s.sectionBlobs().get(i - 1) : "x";
                String v = r.nextInt(3) == 0 ? pick(r, newest) : (i >= 1 && i <= n ? newest : null);
                if (v != null) {
                    sections.put(i, v);
                }
            }
            Map<Integer, String> missing = new HashMap<>();
            if (r.nextInt(4) == 0) {
                missing.put(r.nextInt(n + 2), "");
            }
            assertEquals(defined(truth, a, c, dataCount, structure, sections, missing),
                    gauge.fraction(truth, a, c, dataCount, structure, sections, missing), 0.0, "trial " + trial);
        }
    }
}
