package org.syncsim.protocol.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cheap sweep leaves exactly what the addon's full scan leaves, whatever the calls. */
class SweptTableTest {
    private static final double AGE = 3600;

    /** An entry and its time, as the model (a linked map keyed by text, swept in full) holds it. */
    private static final class Entry {
        double time;

        Entry(double time) {
            this.time = time;
        }
    }

    /**
     * Random puts, raised times, removals and sweeps on the table and on the addon's model (a text-keyed map scanned
     * in full); keys are numbered by {@link TextIds}, and with {@code release} the numbers of swept entries are
     * released and reused, as the BSREQ dedup table does.
     */
    private static void replay(long seed, boolean fixedTimes, boolean monotonic, boolean release) {
        SplittableRandom rnd = new SplittableRandom(seed);
        SweptTable<Entry> table = new SweptTable<>();
        TextIds ids = new TextIds();
        Map<String, Entry> model = new LinkedHashMap<>();
        double now = 0;
        for (int step = 0; step < 3000; step++) {
            now = monotonic ? now + rnd.nextDouble(0, 200) : rnd.nextDouble(0, 20_000);
            String key = "t" + rnd.nextInt(300);
            switch (rnd.nextInt(5)) {
                case 0, 1 -> {
                    Entry e = new Entry(now);
                    table.put(ids.of(key), e, now);
                    model.put(key, e);
                }
                case 2 -> {
                    Entry e = model.get(key);
                    if (e != null && !fixedTimes) {
                        e.time = now;
                        table.touch(ids.find(key), now);
                    }
                }
                case 3 -> {
                    table.remove(ids.find(key));
                    model.remove(key);
                }
                default -> {
                    table.sweep(now, AGE, release ? ids::release : null);
                    double t = now;
                    model.values().removeIf(e -> t - e.time > AGE);
                }
            }
            assertEquals(model.size(), table.size(), "seed " + seed + " step " + step);
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Entry> e : model.entrySet()) {
                int id = ids.find(e.getKey());
                if (table.get(id) != e.getValue() || table.time(id) != e.getValue().time) {
                    missing.add(e.getKey());
                }
            }
            assertEquals(List.of(), missing, "seed " + seed + " step " + step);
            if (release) {
                assertEquals(true, ids.size() <= 300, "released numbers are reused");
            }
        }
    }

    @Test
    void sweepLeavesWhatAFullScanLeavesForFixedTimesInOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            replay(seed, true, true, false);
            replay(seed, true, true, true);
        }
    }

    @Test
    void sweepLeavesWhatAFullScanLeavesWhenTimesGoBackOrAreRaised() {
        for (long seed = 1; seed <= 20; seed++) {
            replay(seed, true, false, false);
            replay(seed, false, true, false);
            replay(seed, false, false, true);
        }
    }

    @Test
    void aSweepStopsAtTheFirstYoungEntryButStillDropsEveryOldOne() {
        SweptTable<String> t = new SweptTable<>();
        t.put(0, "a", 0.0);
        t.put(1, "b", 100.0);
        t.put(2, "c", 5000.0);
        t.sweep(3650, AGE);
        assertEquals(2, t.size(), "only a is older than an hour");
        t.sweep(3700.5, AGE);
        assertEquals(1, t.size());
        t.sweep(3700.5, AGE);
        assertEquals(1, t.size(), "c is young");
    }

    @Test
    void anEntryExactlyAnHourOldStaysWhetherOrNotTheTableIsInTimeOrder() {
        SweptTable<String> ordered = new SweptTable<>();
        ordered.put(0, "a", 0.0);
        ordered.put(1, "b", 100.0);
        ordered.put(2, "c", 200.0);
        ordered.sweep(3700, AGE);
        assertEquals(2, ordered.size(), "a goes; 3700 - 100 is not more than 3600");
        assertEquals("b", ordered.get(1));
        SweptTable<String> raised = new SweptTable<>();
        raised.put(0, "a", 100.0);
        raised.put(1, "b", 50.0);
        raised.sweep(3700, AGE);
        assertEquals(1, raised.size(), "b is 3650 s old");
        assertEquals("a", raised.get(0));
    }

    @Test
    void aClearedTableHoldsNothing() {
        SweptTable<String> t = new SweptTable<>();
        t.put(3, "x", 1.0);
        t.clear();
        assertEquals(0, t.size());
        assertEquals(null, t.get(3));
        t.put(3, "y", 2.0);
        assertEquals("y", t.get(3));
    }

    @Test
    void theNumbersOfSweptEntriesAreReleasedAndGoToLaterTexts() {
        SweptTable<String> t = new SweptTable<>();
        TextIds ids = new TextIds();
        t.put(ids.of("Ann_10"), "a", 10.0);
        t.put(ids.of("Bob_10"), "b", 10.0);
        t.put(ids.of("Ann_70"), "c", 70.0);
        t.sweep(71, 60, ids::release);
        assertEquals(1, t.size());
        assertEquals(1, ids.size(), "only Ann_70 keeps its number");
        assertEquals(-1, ids.find("Ann_10"));
        assertEquals(2, ids.find("Ann_70"));
        int reused = ids.of("Cid_71");
        assertEquals(true, reused == 0 || reused == 1, "a released number is given again: " + reused);
    }
}
