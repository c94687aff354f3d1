package org.syncsim.bench;

import static org.syncsim.bench.HoldDelays.MASK;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.syncsim.engine.Action;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.Simulation;
import org.syncsim.engine.Timer;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The classic hold model: the pending-event set holds {@code n} events; each event, when it fires, schedules
 * one new event at now + Exp(mean 1 s). Every invocation performs {@link #HOLDS} hold operations on a queue
 * that persists across invocations (steady state), so the score is events per second. All contenders draw
 * the same delays from {@link HoldDelays}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HoldModelBenchmark {
    /** Hold operations (events) per benchmark invocation. */
    static final int HOLDS = 100_000;

    /** SyncSim with fire-and-forget {@code post} and one shared {@link Action}: no allocation per event. */
    @State(Scope.Thread)
    public static class SyncSimPost implements Action {
        @Param({"1000", "100000"})
        int n;
        Simulation sim;
        RunLimits limits;
        int next;
        int remaining;

        @Setup(Level.Trial)
        public void setUp() {
            sim = new Simulation(1L, n);
            for (int i = 0; i < n; i++) {
                sim.post(HoldDelays.MICROS[next++ & MASK], this);
            }
            limits = RunLimits.untilEmpty().withEventCap(Long.MAX_VALUE).withStop(() -> remaining == 0);
        }

        @Override
        public void run(long now) {
            sim.post(now + HoldDelays.MICROS[next++ & MASK], this);
            remaining--;
        }

        long holds() {
            remaining = HOLDS;
            sim.run(limits);
            return sim.now();
        }
    }

    /** SyncSim with cancellable {@link Timer}s, each re-armed by its own action with {@code reschedule}. */
    @State(Scope.Thread)
    public static class SyncSimTimer {
        @Param({"1000", "100000"})
        int n;
        Simulation sim;
        RunLimits limits;
        int next;
        int remaining;

        @Setup(Level.Trial)
        public void setUp() {
            sim = new Simulation(1L, n);
            for (int i = 0; i < n; i++) {
                TimerHold hold = new TimerHold(this);
                hold.timer = sim.schedule(HoldDelays.MICROS[next++ & MASK], hold);
            }
            limits = RunLimits.untilEmpty().withEventCap(Long.MAX_VALUE).withStop(() -> remaining == 0);
        }

        long holds() {
            remaining = HOLDS;
            sim.run(limits);
            return sim.now();
        }
    }

    static final class TimerHold implements Action {
        private final SyncSimTimer state;
        Timer timer;

        TimerHold(SyncSimTimer state) {
            this.state = state;
        }

        @Override
        public void run(long now) {
            state.sim.reschedule(timer, now + HoldDelays.MICROS[state.next++ & MASK]);
            state.remaining--;
        }
    }

    /** SSJ: {@code n} events, each rescheduling itself; the simulator is stopped after {@link #HOLDS} events. */
    abstract static class SsjHold {
        Simulator sim;
        int next;
        int remaining;

        abstract EventList newList();

        void fill(int n) {
            sim = new Simulator(newList());
            for (int i = 0; i < n; i++) {
                new SsjHoldEvent(this).schedule(HoldDelays.MICROS_AS_DOUBLE[next++ & MASK]);
            }
        }

        double holds() {
            remaining = HOLDS;
            sim.start();
            return sim.time();
        }
    }

    static final class SsjHoldEvent extends Event {
        private final SsjHold state;

        SsjHoldEvent(SsjHold state) {
            super(state.sim);
            this.state = state;
        }

        @Override
        public void actions() {
            schedule(HoldDelays.MICROS_AS_DOUBLE[state.next++ & MASK]);
            if (--state.remaining == 0) {
                sim.stop();
            }
        }
    }

    @State(Scope.Thread)
    public static class SsjSplayTree extends SsjHold {
        @Param({"1000", "100000"})
        int n;

        @Override
        EventList newList() {
            return new SplayTree();
        }

        @Setup(Level.Trial)
        public void setUp() {
            fill(n);
        }
    }

    @State(Scope.Thread)
    public static class SsjBinaryTree extends SsjHold {
        @Param({"1000", "100000"})
        int n;

        @Override
        EventList newList() {
            return new BinaryTree();
        }

        @Setup(Level.Trial)
        public void setUp() {
            fill(n);
        }
    }

    @State(Scope.Thread)
    public static class SsjHenriksen extends SsjHold {
        @Param({"1000", "100000"})
        int n;

        @Override
        EventList newList() {
            return new Henriksen();
        }

        @Setup(Level.Trial)
        public void setUp() {
            fill(n);
        }
    }

    /** The ceiling: a binary heap of primitive doubles, poll then add. */
    @State(Scope.Thread)
    public static class BareHeap {
        @Param({"1000", "100000"})
        int n;
        DoubleHeap heap;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            heap = new DoubleHeap(n);
            for (int i = 0; i < n; i++) {
                heap.add(HoldDelays.MICROS_AS_DOUBLE[next++ & MASK]);
            }
        }

        double holds() {
            DoubleHeap h = heap;
            double now = 0;
            int k = next;
            for (int i = 0; i < HOLDS; i++) {
                now = h.poll();
                h.add(now + HoldDelays.MICROS_AS_DOUBLE[k++ & MASK]);
            }
            next = k;
            return now;
        }
    }

    /** A second ceiling: SyncSim's heap layout over bare long times (see {@link LongHeap4}). */
    @State(Scope.Thread)
    public static class BareHeap4 {
        @Param({"1000", "100000"})
        int n;
        LongHeap4 heap;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            heap = new LongHeap4(n);
            for (int i = 0; i < n; i++) {
                heap.add(HoldDelays.MICROS[next++ & MASK]);
            }
        }

        long holds() {
            LongHeap4 h = heap;
            long now = 0;
            int k = next;
            for (int i = 0; i < HOLDS; i++) {
                now = h.poll();
                h.add(now + HoldDelays.MICROS[k++ & MASK]);
            }
            next = k;
            return now;
        }
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public long syncSimPost(SyncSimPost s) {
        return s.holds();
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public long syncSimTimer(SyncSimTimer s) {
        return s.holds();
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public double ssjSplayTree(SsjSplayTree s) {
        return s.holds();
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public double ssjBinaryTree(SsjBinaryTree s) {
        return s.holds();
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public double ssjHenriksen(SsjHenriksen s) {
        return s.holds();
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public double bareHeap(BareHeap s) {
        return s.holds();
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public long bareHeap4(BareHeap4 s) {
        return s.holds();
    }
}
