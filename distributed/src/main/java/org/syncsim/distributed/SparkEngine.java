package org.syncsim.distributed;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.syncsim.run.Cell;
import org.syncsim.run.CellEngine;
import org.syncsim.run.RunFailedException;
import org.syncsim.run.StandardWorld;
import org.syncsim.run.WorldFactory;

/**
 * The cells' replications as Spark tasks: one Spark job per cell, one task per replication
 * ({@link ReplicationTask}, with the cell's watch if it has one), several jobs in flight so that every executor core
 * stays busy, each cell's results handed on in replication order as its job completes. Index tasks (an
 * exploration's schedules) go as jobs of one task per executor core, the budget asked before each job. Spark retries a failed or lost task on another executor
 * ({@code spark.task.maxFailures}, 4 on a cluster; {@code local[N,F]} in local mode); a replication's result depends
 * only on its scenario and seed, so a retried task gives the same result.
 *
 * <p>Under {@code spark-submit} the master and every setting come from it; otherwise the engine starts Spark
 * embedded on {@code --master} (default {@code local[*]}), which is how tests and a single machine use it.
 */
public final class SparkEngine implements CellEngine {
    /** The engine's name, as {@code --engine} takes it. */
    public static final String NAME = "spark";

    /** Registers the engine with {@link java.util.ServiceLoader} ({@code META-INF/services}). */
    public static final class Factory implements CellEngine.Factory {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public CellEngine open(String master) {
            return new SparkEngine(master);
        }
    }

    /** Jobs in flight per core Spark offers: enough that a core finishing a job's last task finds the next one. */
    static final int JOBS_PER_CORE = 2;

    private final JavaSparkContext spark;

    SparkEngine(String master) {
        SparkConf conf = new SparkConf().setAppName("syncsim");
        if (master != null) {
            conf.setMaster(master);
        } else {
            conf.setIfMissing("spark.master", "local[*]");
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        spark = new JavaSparkContext(conf);
        spark.setLogLevel("WARN");
    }

    @Override
    public void run(WorldFactory worlds, List<? extends Cell> cells, int threads, IntConsumer progress, Sink sink) {
        if (worlds != StandardWorld.FACTORY) {
            throw new IllegalArgumentException("the Spark engine runs the standard world only (executors build their"
                    + " own)");
        }
        int inFlight = Math.max(2, JOBS_PER_CORE * spark.defaultParallelism());
        record Pending(int cell, JavaFutureAction<List<ReplicationTask.Outcome>> results) {
        }
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        int next = 0;
        int done = 0;
        try {
            while (next < cells.size() || !pending.isEmpty()) {
                while (next < cells.size() && pending.size() < inFlight) {
                    pending.add(new Pending(next, submit(cells.get(next))));
                    next++;
                }
                Pending p = pending.poll();
                List<ReplicationTask.Outcome> results = await(p.results());
                for (ReplicationTask.Outcome o : results) {
                    sink.accept(p.cell(), o.result(), o.seen());
                }
                done += results.size();
                progress.accept(done);
            }
        } finally {
            pending.forEach(p -> p.results().cancel(true));
        }
    }

    @Override
    public <R extends Serializable> void forEachIndex(IndexTask<R> task, int max, int threads, BooleanSupplier more,
            ObjIntConsumer<R> sink) {
        int batch = Math.max(1, spark.defaultParallelism());
        record Pending<R>(int from, JavaFutureAction<List<R>> results) {
        }
        ArrayDeque<Pending<R>> pending = new ArrayDeque<>();
        Function<Integer, R> call = new IndexCall<>(task);
        int next = 0;
        try {
            while (true) {
                while (pending.size() < JOBS_PER_CORE && next < max && more.getAsBoolean()) {
                    int n = Math.min(batch, max - next);
                    pending.add(new Pending<>(next, spark.parallelize(IntStream.range(next, next + n).boxed().toList(),
                            n).map(call).collectAsync()));
                    next += n;
                }
                Pending<R> p = pending.poll();
                if (p == null) {
                    return;
                }
                List<R> results = await(p.results());
                for (int k = 0; k < results.size(); k++) {
                    sink.accept(results.get(k), p.from() + k);
                }
            }
        } finally {
            pending.forEach(p -> p.results().cancel(true));
        }
    }

    /** A job's results once it completes; a task failed after Spark's retries, or an interrupt, as a failed run. */
    private static <T> List<T> await(JavaFutureAction<List<T>> job) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted", e);
        } catch (ExecutionException e) {
            throw new RunFailedException("a Spark task failed (after Spark's retries): " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** An index task as the function Spark maps over a job's indexes. */
    private record IndexCall<R extends Serializable>(IndexTask<R> task) implements Function<Integer, R> {
        @Override
        public R call(Integer index) {
            return task.run(index);
        }
    }

    /** One job: the cell's replications as tasks, one partition each, collected in replication order. */
    private JavaFutureAction<List<ReplicationTask.Outcome>> submit(Cell cell) {
        ReplicationTask task = new ReplicationTask(cell.scenario(), cell.overrides(), cell.watch());
        if (!task.resolve().scenario().equals(cell.resolved().scenario())) {
            throw new IllegalStateException("cell " + cell.file() + " does not resolve to the same scenario from its"
                    + " command (" + cell.command() + "), so executors would run another scenario");
        }
        int n = cell.resolved().scenario().run().replications();
        return spark.parallelize(IntStream.range(0, n).boxed().toList(), n).map(task).collectAsync();
    }

    @Override
    public void close() {
        spark.stop();
    }
}
