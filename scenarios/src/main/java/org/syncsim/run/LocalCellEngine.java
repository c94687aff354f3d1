package org.syncsim.run;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The cells' replications on this machine's threads, on one pool ({@link ParallelRuns#forEachOf}). A cell's
 * watchers are made as its replications start and finished as their results come back, both in replication order
 * and on the calling thread, so a queue per cell pairs each result with its watcher.
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
}
