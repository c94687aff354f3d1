package org.syncsim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.LoadedScenario;

/**
 * Runs every replication of a scenario on a pool of threads. Replications share nothing and each has its own
 * seed, so the results (returned in replication order) are the same for any number of threads.
 */
public final class ParallelRuns {
    private ParallelRuns() {
    }

    /**
     * @param progress told the number of finished replications every 200 ms of wall time and at the end (from
     *     the calling thread); it affects nothing else
     */
    public static List<RunResult> run(WorldFactory factory, LoadedScenario s, int threads, IntConsumer progress) {
        int n = s.scenario().run().replications();
        ReplicationRunner runner = new ReplicationRunner(factory);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            Thread t = new Thread(r, "syncsim-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>(n);
            for (int r = 0; r < n; r++) {
                int rr = r;
                futures.add(pool.submit(() -> runner.run(s, rr)));
            }
            List<RunResult> results = new ArrayList<>(n);
            for (Future<RunResult> f : futures) {
                while (true) {
                    try {
                        results.add(f.get(200, TimeUnit.MILLISECONDS));
                        break;
                    } catch (TimeoutException e) {
                        progress.accept((int) futures.stream().filter(Future::isDone).count());
                    }
                }
            }
            progress.accept(n);
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new RunFailedException("a replication failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
