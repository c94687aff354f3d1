package org.syncsim.run;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

/**
 * The cells' replications on this machine's threads, on one pool ({@link ParallelRuns#forEachOf}). A cell's
 * watchers are made as its replications start and finished as their results come back, both in replication order
 * and on the calling thread, so a queue per cell pairs each result with its watcher. Index tasks run on a pool of
 * their own, a few per thread in flight.
 */
final class LocalCellEngine implements CellEngine {
    @Override
    public void run(WorldFactory worlds, List<? extends Cell> cells, int threads, IntConsumer progress, Sink sink) {
        Map<Integer, ArrayDeque<Watch.Watcher>> watching = new HashMap<>();
        ParallelRuns.forEachOf(worlds, cells.stream().map(Cell::resolved).toList(), threads, progress, (k, r) -> {
            Watch.Watcher w = cells.get(k).watch() == null ? null : watching.get(k).poll();
            sink.accept(k, r, w == null ? null : w.finish(r));
        }, (k, rep) -> {
            Watch watch = cells.get(k).watch();
            if (watch == null) {
                return null;
            }
            Watch.Watcher w = watch.start(cells.get(k).resolved());
            watching.computeIfAbsent(k, x -> new ArrayDeque<>()).add(w);
            return w;
        });
    }

    @Override
    public <R extends Serializable> void forEachIndex(IndexTask<R> task, int max, int threads, BooleanSupplier more,
            ObjIntConsumer<R> sink) {
        ExecutorService pool = ParallelRuns.daemons(threads, "syncsim-task");
        try {
            record Pending<R>(int index, Future<R> result) {
            }
            ArrayDeque<Pending<R>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (true) {
                while (inFlight.size() < 2 * threads && next < max && more.getAsBoolean()) {
                    int i = next++;
                    inFlight.add(new Pending<>(i, pool.submit(() -> task.run(i))));
                }
                Pending<R> p = inFlight.poll();
                if (p == null) {
                    return;
                }
                sink.accept(p.result().get(), p.index());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted", e);
        } catch (ExecutionException e) {
            throw new RunFailedException(String.valueOf(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
