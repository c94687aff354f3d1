package org.syncsim.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;
import org.syncsim.metrics.RunResult;

/**
 * Where the replications of a batch of {@link Cell}s run: on this machine's threads ({@value #LOCAL}, the default),
 * or on a distributed engine found on the class path (the {@code distributed} module's {@code spark}). Every engine
 * gives each cell's results in replication order, so the files written from them are the same whatever ran them.
 */
public interface CellEngine extends AutoCloseable {
    /** The engine on this machine's threads. */
    String LOCAL = "local";

    /**
     * Runs every replication of every cell, each watched by its cell's {@link Cell#watch} if it has one, giving each
     * result to {@code sink} on the calling thread: a cell's in replication order, cells possibly interleaved.
     *
     * @param threads the local engine's thread count (a distributed one sizes itself)
     * @param progress told the number of finished replications now and then
     */
    void run(WorldFactory worlds, List<? extends Cell> cells, int threads, IntConsumer progress, Sink sink);

    /**
     * Runs {@code task} on indexes 0, 1, 2, ... below {@code max} (an exploration's fault schedules), each started
     * only while {@code more} says so (asked on the calling thread before a task, or a distributed engine's batch
     * of tasks, is started), and gives each result to {@code sink} with its index, in index order, on the calling
     * thread. Which indexes ran depends on {@code more} alone, so a bound in {@code max} gives the same results on
     * any engine.
     *
     * @param threads the local engine's thread count (a distributed one sizes itself)
     */
    <R extends Serializable> void forEachIndex(IndexTask<R> task, int max, int threads, BooleanSupplier more,
            ObjIntConsumer<R> sink);

    /** Work on one index that a distributed engine ships to an executor: it must carry all it needs. */
    @FunctionalInterface
    interface IndexTask<R extends Serializable> extends Serializable {
        R run(int index);
    }

    /** One replication's outcome: its cell's index, its result, and what the cell's watch saw (null without one). */
    @FunctionalInterface
    interface Sink {
        void accept(int cell, RunResult result, Serializable seen);
    }

    @Override
    default void close() {
    }

    /** Makes an engine; registered with {@link ServiceLoader} by modules that bring one. */
    interface Factory {
        /** The name {@code --engine} takes. */
        String name();

        /**
         * Opens the engine on {@code master} (an engine-specific address, e.g. Spark's {@code local[2]}; null for its
         * default).
         */
        CellEngine open(String master);
    }

    /** The engines available: {@value #LOCAL}, then those on the class path, by name. */
    static List<String> names() {
        List<String> out = new ArrayList<>(List.of(LOCAL));
        ServiceLoader.load(Factory.class).forEach(f -> out.add(f.name()));
        return out;
    }

    /**
     * Opens the engine called {@code name} on {@code master}.
     *
     * @throws IllegalArgumentException if there is no such engine on the class path, or the local one is given a
     *     master
     */
    static CellEngine open(String name, String master) {
        if (LOCAL.equals(name)) {
            if (master != null) {
                throw new IllegalArgumentException("--master is for a distributed engine (--engine spark); the local"
                        + " engine runs on this machine's --threads");
            }
            return new LocalCellEngine();
        }
        for (Factory f : ServiceLoader.load(Factory.class)) {
            if (f.name().equals(name)) {
                return f.open(master);
            }
        }
        throw new IllegalArgumentException("no engine '" + name + "' in this build (engines: "
                + String.join(", ", names()) + ")" + ("spark".equals(name) ? "; the Spark engine is in"
                + " distributed/target/syncsim-spark.jar: ./syncsim runs it when given --engine spark (docs/spark.md)"
                : ""));
    }
}
