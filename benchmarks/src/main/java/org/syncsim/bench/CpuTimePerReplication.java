package org.syncsim.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Thread CPU time and allocation per replication of a {@link ScenarioBenchmark} case, for a shared machine: JMH's
 * wall-clock score moves with whatever else runs on the cores, the CPU time the measuring thread was given moves
 * much less. Runs {@code warm-up} replications, then {@code measured} ones, on the calling thread, and prints CPU
 * and wall milliseconds per replication, events per CPU second and bytes allocated per event.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.syncsim.bench.CpuTimePerReplication late-joiner-200k 15 20
 * </pre>
 *
 * To measure another build's code with this class, put that build's jar first on the class path (its
 * {@code ScenarioBenchmark} wins) and this module's classes after it.
 */
public final class CpuTimePerReplication {
    private CpuTimePerReplication() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: CpuTimePerReplication CASE WARM-UP MEASURED");
            System.exit(2);
        }
        ScenarioBenchmark bench = new ScenarioBenchmark();
        bench.scenario = args[0];
        bench.load();
        int warmUp = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        ScenarioBenchmark.Events events = new ScenarioBenchmark.Events();
        for (int i = 0; i < warmUp; i++) {
            bench.replication(events);
        }
        events.reset();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long bytes0 = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < measured; i++) {
            bench.replication(events);
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        long bytes = threads.getThreadAllocatedBytes(thread) - bytes0;
        System.out.printf(Locale.ROOT,
                "%s: cpu %.1f ms/replication, wall %.1f ms/replication, %.2f M events/cpu-s, %.0f B/event"
                        + " (%d events/replication)%n",
                args[0], cpu / 1e6 / measured, wall / 1e6 / measured, events.events / (cpu / 1e9) / 1e6,
                (double) bytes / events.events, events.events / measured);
    }
}
