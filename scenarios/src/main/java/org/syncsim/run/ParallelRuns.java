package org.syncsim.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.syncsim.engine.TraceSink;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.LoadedScenario;

/**
 * Runs every replication of a scenario on a pool of threads. Replications share nothing and each has its own
 * seed, so the results (delivered in replication order) are the same for any number of threads. At most a few
 * replications per thread are in flight at once, so what the runner itself holds does not grow with the number of
 * replications; {@link #forEach} hands each result on as it is ready, {@link #run} collects them.
 */
public final class ParallelRuns {
    /** Replications submitted ahead of the one awaited, per thread: enough to keep every thread busy. */
    static final int AHEAD_PER_THREAD = 4;

    private ParallelRuns() {
    }

    /**
     * @param progress told the number of finished replications every 200 ms of wall time and at the end (from
     *     the calling thread); it affects nothing else
     */
    public static List<RunResult> run(WorldFactory factory, LoadedScenario s, int threads, IntConsumer progress) {
        List<RunResult> results = new ArrayList<>();
        forEach(factory, s, threads, progress, results::add);
        return results;
    }

    /**
     * Runs the replications and gives each result to {@code sink} in replication order, on the calling thread.
     * A Java {@link Error} in a replication (out of memory, say) is thrown as it is: it is no finding of the
     * simulation.
     */
    public static void forEach(WorldFactory factory, LoadedScenario s, int threads, IntConsumer progress,
            Consumer<RunResult> sink) {
        forEachOf(factory, List.of(s), threads, progress, (k, r) -> sink.accept(r));
    }

    /**
     * As {@link #forEach(WorldFactory, LoadedScenario, int, IntConsumer, Consumer)}, with replication {@code r}'s
     * event trace going to {@code traces.apply(r)} (none where null; a trace changes no result). A trace sink is
     * called from the replication's worker thread only.
     */
    public static void forEach(WorldFactory factory, LoadedScenario s, int threads, IntConsumer progress,
            Consumer<RunResult> sink, IntFunction<TraceSink> traces) {
        run(factory, List.of(s), threads, progress, (k, r) -> sink.accept(r), (k, r) -> traces.apply(r),
                (k, r) -> null);
    }

    /** One result of {@link #forEachOf}: which scenario of the list it belongs to, and the replication's result. */
    @FunctionalInterface
    public interface Sink {
        void accept(int scenario, RunResult result);
    }

    /**
     * Runs every replication of every scenario in {@code scenarios} on one pool, scenario after scenario, and gives
     * each result to {@code sink} in that order (scenario, then replication), on the calling thread. The
     * replications of the next scenario start while the last ones of a scenario still run, so the threads stay
     * busy across scenarios with few replications each (a design report's cells); {@code progress} counts the
     * replications of all of them.
     */
    public static void forEachOf(WorldFactory factory, List<LoadedScenario> scenarios, int threads,
            IntConsumer progress, Sink sink) {
        run(factory, scenarios, threads, progress, sink, (k, r) -> null, (k, r) -> null);
    }

    /** The watcher of one replication, or null for none. */
    @FunctionalInterface
    public interface Watchers {
        MetricsRecorder of(int scenario, int replication);
    }

    /**
     * As {@link #forEachOf(WorldFactory, List, int, IntConsumer, Sink)}, with each replication watched by
     * {@code watchers.of(scenario, replication)} ({@link ReplicationRunner#run(LoadedScenario, int, TraceSink,
     * MetricsRecorder)}; a watcher changes no result). The watcher is made on the calling thread before its
     * replication starts and is done with by the time its result reaches {@code sink}, on the calling thread too.
     */
    public static void forEachOf(WorldFactory factory, List<LoadedScenario> scenarios, int threads,
            IntConsumer progress, Sink sink, Watchers watchers) {
        run(factory, scenarios, threads, progress, sink, (k, r) -> null, watchers);
    }

    private interface Traces {
        TraceSink of(int scenario, int replication);
    }

    private static void run(WorldFactory factory, List<LoadedScenario> scenarios, int threads, IntConsumer progress,
            Sink sink, Traces traces, Watchers watchers) {
        int n = scenarios.stream().mapToInt(x -> x.scenario().run().replications()).sum();
        ReplicationRunner runner = new ReplicationRunner(factory);
        int poolSize = Math.max(1, Math.min(threads, n));
        ExecutorService pool = daemons(poolSize, "syncsim-replication");
        try {
            record Pending(int scenario, Future<RunResult> result) {
            }
            ArrayDeque<Pending> inFlight = new ArrayDeque<>();
            int scenario = 0;
            int replication = 0;
            int done = 0;
            while (done < n) {
                while (scenario < scenarios.size() && inFlight.size() < poolSize * AHEAD_PER_THREAD) {
                    LoadedScenario s = scenarios.get(scenario);
                    if (replication >= s.scenario().run().replications()) {
                        scenario++;
                        replication = 0;
                        continue;
                    }
                    int k = scenario;
                    int rr = replication++;
                    MetricsRecorder w = watchers.of(k, rr);
                    inFlight.add(new Pending(k, pool.submit(() -> runner.run(s, rr, traces.of(k, rr), w))));
                }
                Pending p = inFlight.peek();
                try {
                    RunResult r = p.result().get(200, TimeUnit.MILLISECONDS);
                    inFlight.poll();
                    done++;
                    sink.accept(p.scenario(), r);
                } catch (TimeoutException e) {
                    progress.accept(done + (int) inFlight.stream().filter(x -> x.result().isDone()).count());
                }
            }
            progress.accept(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new RunFailedException("a replication failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A pool of {@code threads} daemon threads named {@code name}, so that an interrupted command never waits for
     * work in flight.
     */
    public static ExecutorService daemons(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
