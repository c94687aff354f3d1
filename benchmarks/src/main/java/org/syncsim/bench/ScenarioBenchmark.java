package org.syncsim.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.syncsim.metrics.RunResult;
import org.syncsim.run.ReplicationRunner;
import org.syncsim.run.StandardWorld;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * Whole bundled scenarios, one replication per operation, single-threaded: the real channel model and the real
 * clients, exactly as {@code syncsim run} runs them (without writing files). Replications cycle through the
 * scenario's first {@value #REPLICATIONS} seeds so that no single draw is measured. The score is replications per
 * second (its inverse is the time per replication); the {@code events} counter is simulation events per second,
 * and {@code -prof gc}'s {@code gc.alloc.rate.norm} (bytes per replication) divided by events per replication
 * (the ratio of the two scores) is the allocation per event.
 *
 * <p>The {@code scenario} parameter names a case of {@link #CASES}: bundled scenarios as shipped, a ~200 KB
 * sheet, the {@code seed} profile, and the scaling cases (raid size, sheet size) of {@code benchmarks/README.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScenarioBenchmark {
    static final int REPLICATIONS = 10;

    /**
     * Case name → bundled scenario and {@code --set} overrides. Sheet sizes are the wire size of one full push
     * (section blobs plus structure): 16 sections of 27, 103 and 532 rows give 60, 200 and 1 000 KB, 6 sections of
     * 2 rows give 5 KB. Raid sizes scale the leader's import (one push to everyone; a 400-member raid is a
     * {@code raid.stress} raid).
     */
    static final Map<String, List<String>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("late-joiner", List.of("late-joiner"));
        CASES.put("late-joiner-200k", List.of("late-joiner", "data.rows=103"));
        CASES.put("reload-storm-40", List.of("reload-storm-40"));
        CASES.put("leader-import-40", List.of("leader-import-40"));
        CASES.put("late-joiner-seed", List.of("late-joiner", "protocol.profile=seed"));
        CASES.put("raid-10", List.of("leader-import-40", "raid.size=10"));
        CASES.put("raid-20", List.of("leader-import-40", "raid.size=20"));
        CASES.put("raid-40", List.of("leader-import-40", "raid.size=40"));
        CASES.put("raid-400", List.of("leader-import-40", "raid.size=400", "raid.stress=true"));
        CASES.put("sheet-5k", List.of("late-joiner", "data.sections=6", "data.rows=2"));
        CASES.put("sheet-60k", List.of("late-joiner", "data.rows=27"));
        CASES.put("sheet-200k", List.of("late-joiner", "data.rows=103"));
        CASES.put("sheet-1000k", List.of("late-joiner", "data.rows=532"));
    }

    @Param({"late-joiner", "late-joiner-200k", "reload-storm-40", "leader-import-40", "late-joiner-seed"})
    public String scenario;

    private LoadedScenario loaded;
    private final ReplicationRunner runner = new ReplicationRunner(StandardWorld.FACTORY);
    private int next;

    /** Simulation events, reported per second of measurement. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup
    public void load() {
        List<String> c = CASES.get(scenario);
        if (c == null) {
            throw new IllegalArgumentException("unknown case " + scenario + "; cases: " + CASES.keySet());
        }
        loaded = ScenarioLoader.override(BundledScenarios.load(c.get(0)), c.subList(1, c.size()));
    }

    @Benchmark
    public RunResult replication(Events counter) {
        RunResult r = runner.run(loaded, next);
        next = (next + 1) % REPLICATIONS;
        counter.events += r.eventsProcessed();
        return r;
    }
}
