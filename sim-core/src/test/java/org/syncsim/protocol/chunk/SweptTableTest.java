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

    /** A table entry whose time a caller may raise in place (like a transfer still receiving chunks). */
    private static final class Entry {
        double time;

        Entry(double time) {
            this.time = time;
        }
    }

    private static void replay(long seed, boolean fixedTimes, boolean monotonic) {
        SplittableRandom rnd = new SplittableRandom(seed);
        SweptTable<Entry> table = new SweptTable<>(e -> e.time, fixedTimes);
        Map<String, Entry> model = new LinkedHashMap<>();
        double now = 0;
        for (int step = 0; step < 3000; step++) {
            now = monotonic ? now + rnd.nextDouble(0, 200) : rnd.nextDouble(0, 20_000);
            String key = "t" + rnd.nextInt(300);
            switch (rnd.nextInt(5)) {
                case 0, 1 -> {
                    Entry e = new Entry(now);
                    table.put(key, e);
                    model.put(key, e);
                }
                case 2 -> {
                    Entry e = model.get(key);
                    if (e != null && !fixedTimes) {
                        e.time = now;
                        table.touched(now);
                    }
                }
                case 3 -> {
                    table.remove(key);
                    model.remove(key);
                }
                default -> {
                    table.sweep(now, AGE);
                    double t = now;
                    model.values().removeIf(e -> t - e.time > AGE);
                }
            }
            assertEquals(model.size(), table.size(), "seed " + seed + " step " + step);
            List<String> missing = new ArrayList<>();
            for (String k : model.keySet()) {
                if (table.get(k) != model.get(k)) {
                    missing.add(k);
                }
            }
            assertEquals(List.of(), missing, "seed " + seed + " step " + step);
        }
    }

    @Test
    void sweepLeavesWhatAFullScanLeavesForFixedTimesInOrder() {
        for (long seed = 1; seed <= 20; seed++) {
            replay(seed, true, true);
        }
    }

    @Test
    void sweepLeavesWhatAFullScanLeavesWhenTimesGoBackOrAreRaised() {
        for (long seed = 1; seed <= 20; seed++) {
            replay(seed, true, false);
            replay(seed, false, true);
            replay(seed, false, false);
        }
    }

    @Test
    void aSweepStopsAtTheFirstYoungEntryButStillDropsEveryOldOne() {
        SweptTable<Double> t = new SweptTable<>(Double::doubleValue, true);
        t.put("a", 0.0);
        t.put("b", 100.0);
        t.put("c", 5000.0);
        t.sweep(3650, AGE);
        assertEquals(2, t.size(), "only a is older than an hour");
        t.sweep(3700.5, AGE);
        assertEquals(1, t.size());
        t.sweep(3700.5, AGE);
        assertEquals(1, t.size(), "c is young");
    }
}
