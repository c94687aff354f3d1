package org.syncsim.cli;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.syncsim.report.Replications;
import org.syncsim.run.Cell;
import org.syncsim.run.CellFiles;
import org.syncsim.run.CellEngine;
import org.syncsim.run.WorldFactory;

/**
 * Runs a batch of cells (a design report's, a sweep's points) into a results directory: every cell's replications on
 * one pool, so that a cell's slowest replication leaves no thread idle, and each cell written and published as soon
 * as its last replication is in, so that an interrupted batch loses at most the cells in flight.
 */
final class CellRuns {
    private CellRuns() {
    }

    /** The cells of {@code cells} whose results {@code rd} does not hold yet. */
    static <C extends Cell> List<C> unfinished(ResultsDirectory rd, List<C> cells) {
        return cells.stream().filter(c -> !CellFiles.finished(rd.absolute(), c)).toList();
    }

    /**
     * Runs {@code todo} on {@code engine} ({@code threads} threads for the local one), telling {@code progress} the
     * replications finished.
     *
     * @throws IOException if a cell's file cannot be written
     * @throws org.syncsim.run.RunFailedException if a replication fails (the cells finished so far are kept)
     */
    static void run(ResultsDirectory rd, WorldFactory worlds, CellEngine engine, List<? extends Cell> todo,
            int threads, IntConsumer progress) throws IOException {
        Replications[] pending = new Replications[todo.size()];
        List<List<Serializable>> seen = new ArrayList<>();
        todo.forEach(c -> seen.add(null));
        try {
            engine.run(worlds, todo, threads, progress, (k, r, w) -> {
                Cell cell = todo.get(k);
                if (pending[k] == null) {
                    pending[k] = new Replications();
                    seen.set(k, new ArrayList<>());
                }
                pending[k].add(r);
                seen.get(k).add(w);
                if (pending[k].size() == cell.resolved().scenario().run().replications()) {
                    try {
                        CellFiles.write(rd.staging(), rd.absolute(), cell, pending[k], seen.get(k));
                        rd.publish(CellFiles.files(cell));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    pending[k] = null;
                    seen.set(k, null);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The estimated seconds of running {@code todo} on {@code threads} threads. */
    static double estimate(List<? extends Cell> todo, int threads) {
        return todo.stream().mapToDouble(c -> org.syncsim.run.RunEstimate.of(c.resolved(), threads).seconds()).sum();
    }

    /** The replications of {@code todo}. */
    static int replications(List<? extends Cell> todo) {
        return todo.stream().mapToInt(c -> c.resolved().scenario().run().replications()).sum();
    }
}
