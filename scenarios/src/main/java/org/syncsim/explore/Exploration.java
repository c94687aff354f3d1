package org.syncsim.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.syncsim.run.CellEngine;
import org.syncsim.run.ParallelRuns;
import org.syncsim.run.RunFailedException;

/**
 * A search: schedules 0, 1, 2, ... run on an engine (this machine's threads, or Spark) until the budget says stop,
 * their findings counted in schedule order (so a budget in runs gives the same result for any thread count or
 * engine), then the first schedule of each distinct finding shrunk here, one finding per thread (each shrinking step
 * depends on the one before).
 */
public final class Exploration {
    /** One distinct finding over the search: how often it broke, and the first and shrunk schedules. */
    public record Result(Finding first, int count, Schedule firstSchedule, Schedule shrunk, int shrinkRuns,
            String shrunkDetail) {
    }

    /** Progress: schedules run so far and distinct findings so far. */
    public interface Progress {
        void update(int runs, int findings);
    }

    private final Explorer explorer;
    private final Map<String, Result> found = new LinkedHashMap<>();
    private int runs;

    private Exploration(Explorer explorer) {
        this.explorer = explorer;
    }

    /** An exploration of {@code base} (checked: a schedule that does not load is refused here, not mid-search). */
    public static Exploration of(org.syncsim.run.WorldFactory worlds, org.syncsim.scenario.LoadedScenario base,
            Explorer.Settings settings) {
        Explorer e = new Explorer(worlds, base, settings);
        e.load(e.schedule(0));
        return new Exploration(e);
    }

    Explorer explorer() {
        return explorer;
    }

    /** Schedules run. */
    public int runs() {
        return runs;
    }

    /** Distinct findings in the order first seen (shrunk once {@link #shrink} ran). */
    public List<Result> results() {
        return List.copyOf(found.values());
    }

    /**
     * Runs schedules in order on this machine's {@code threads} until {@code more} says stop (asked before each new
     * schedule is started) or {@code maxRuns} ran.
     */
    public void search(int threads, int maxRuns, BooleanSupplier more, Progress progress) {
        try (CellEngine local = CellEngine.open(CellEngine.LOCAL, null)) {
            search(local, threads, maxRuns, more, progress);
        }
    }

    /**
     * Runs schedules in order on {@code engine} until {@code more} says stop (asked before each new schedule, or a
     * distributed engine's batch of them, is started) or {@code maxRuns} ran; their findings are counted in schedule
     * order, so the same {@code maxRuns} gives the same findings on any engine.
     */
    public void search(CellEngine engine, int threads, int maxRuns, BooleanSupplier more, Progress progress) {
        try {
            engine.forEachIndex(new ScheduleCheck(explorer), maxRuns, threads, more, (findings, i) -> {
                Schedule s = explorer.schedule(i);
                for (Finding finding : findings) {
                    found.merge(finding.key(), new Result(finding, 1, s, null, 0, null),
                            (a, b) -> new Result(a.first(), a.count() + 1, a.firstSchedule(), null, 0, null));
                }
                runs++;
                progress.update(runs, found.size());
            });
        } catch (RunFailedException e) {
            throw new RunFailedException("exploring failed: " + e.getMessage(), e.getCause());
        }
    }

    /** Shrinks the first schedule of every finding, at most {@code runsEach} runs each, findings in parallel. */
    public void shrink(int threads, int runsEach) {
        ExecutorService pool = ParallelRuns.daemons(threads, "syncsim-shrink");
        try {
            Map<String, Future<Result>> jobs = new LinkedHashMap<>();
            for (Map.Entry<String, Result> e : found.entrySet()) {
                Result r = e.getValue();
                jobs.put(e.getKey(), pool.submit(() -> {
                    Shrinker shrinker = new Shrinker(explorer, runsEach);
                    Schedule small = shrinker.shrink(r.firstSchedule(), e.getKey());
                    String detail = explorer.check(small).stream().filter(f -> f.key().equals(e.getKey()))
                            .map(Finding::detail).findFirst().orElse(r.first().detail());
                    return new Result(r.first(), r.count(), r.firstSchedule(), small, shrinker.runs(), detail);
                }));
            }
            for (Map.Entry<String, Future<Result>> j : jobs.entrySet()) {
                found.put(j.getKey(), j.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted", e);
        } catch (ExecutionException e) {
            throw new RunFailedException("shrinking failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
