package org.syncsim.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.Span;

/**
 * Shrinks a schedule that breaks an invariant to a smaller one that breaks it the same way (same
 * {@link Finding#key}): first fewer faults (delta debugging, Zeller's ddmin: drop ever smaller chunks while the
 * finding stays), then shorter faults (halving each duration while it stays), then a smaller raid (the smallest of
 * 2, 3, 5, 10, 20 members, below the current size, that keeps it). Every candidate is run on the schedule's seed,
 * so the result is deterministic; a candidate that no longer loads (a fault on a member the smaller raid lacks)
 * simply does not keep the finding. At most {@code budget} runs.
 */
final class Shrinker {
    private static final int[] RAID_SIZES = {2, 3, 5, 10, 20};
    private static final long MIN_DURATION = Span.parse("1s").micros();
    private static final long MILLI = 1_000;

    private final Explorer explorer;
    private final int budget;
    private int runs;

    Shrinker(Explorer explorer, int budget) {
        this.explorer = explorer;
        this.budget = budget;
    }

    /** Runs spent so far. */
    int runs() {
        return runs;
    }

    /** The smallest schedule found that still breaks {@code key}. */
    Schedule shrink(Schedule failing, String key) {
        Predicate<Schedule> breaks = s -> breaks(s, key);
        Schedule s = failing.withFaults(ddmin(failing, breaks));
        s = shorter(s, breaks);
        int size = explorer.base().roster().size();
        for (int r : RAID_SIZES) {
            if (r < size && breaks.test(s.withRaidSize(r))) {
                return s.withRaidSize(r);
            }
        }
        return s;
    }

    private boolean breaks(Schedule s, String key) {
        if (runs >= budget) {
            return false;
        }
        runs++;
        try {
            return explorer.check(s).stream().anyMatch(f -> f.key().equals(key));
        } catch (ScenarioException e) {
            return false;
        }
    }

    private List<Fault> ddmin(Schedule s, Predicate<Schedule> breaks) {
        List<Fault> cur = s.faults();
        if (breaks.test(s.withFaults(List.of()))) {
            return List.of();
        }
        int n = 2;
        while (cur.size() >= 2) {
            int chunk = (cur.size() + n - 1) / n;
            boolean reduced = false;
            for (int from = 0; from < cur.size(); from += chunk) {
                List<Fault> complement = new ArrayList<>(cur.subList(0, from));
                complement.addAll(cur.subList(Math.min(cur.size(), from + chunk), cur.size()));
                if (breaks.test(s.withFaults(complement))) {
                    cur = complement;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= cur.size()) {
                    break;
                }
                n = Math.min(cur.size(), 2 * n);
            }
        }
        return cur;
    }

    private Schedule shorter(Schedule s, Predicate<Schedule> breaks) {
        List<Fault> faults = new ArrayList<>(s.faults());
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            while (f.kind().lasting() && f.duration().micros() / 2 >= MIN_DURATION) {
                List<Fault> candidate = new ArrayList<>(faults);
                candidate.set(i, f.lasting(new Span(f.duration().micros() / 2 / MILLI * MILLI)));
                if (!breaks.test(s.withFaults(candidate))) {
                    break;
                }
                f = candidate.get(i);
                faults = candidate;
            }
        }
        return s.withFaults(faults);
    }
}
