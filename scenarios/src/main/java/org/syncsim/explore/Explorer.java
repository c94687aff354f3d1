package org.syncsim.explore;

import java.util.ArrayList;
import java.util.List;
import org.syncsim.metrics.RunResult;
import org.syncsim.run.ReplicationRunner;
import org.syncsim.run.RunFailedException;
import org.syncsim.run.WorldFactory;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.Loss;
import org.syncsim.scenario.Raid;
import org.syncsim.scenario.RosterEntry;
import org.syncsim.scenario.RunSpec;
import org.syncsim.scenario.Scenario;
import org.syncsim.scenario.ScenarioLoader;
import org.syncsim.scenario.Span;
import org.syncsim.scenario.StopCondition;

/**
 * Runs one fault schedule on the base scenario and checks the invariants. The schedule's faults all end by the
 * end of the fault window plus the longest fault; then the run goes on for the quiet period, after which every
 * member in the group must hold the newest data, and in whose last part nothing may be sent. Thread-safe: each call
 * runs its own simulation.
 */
public final class Explorer {
    /** How the explorer runs a schedule (serializable: a distributed engine ships it with each task). */
    public record Settings(long masterSeed, int maxFaults, Span window, Span quiet, Span quietTail, long eventCap)
            implements java.io.Serializable {
    }

    private final WorldFactory worlds;
    private final LoadedScenario base;
    private final Settings settings;
    private final ScheduleGenerator generator;

    Explorer(WorldFactory worlds, LoadedScenario base, Settings settings) {
        this.worlds = worlds;
        this.base = base;
        this.settings = settings;
        this.generator = new ScheduleGenerator(base, settings.masterSeed(), settings.maxFaults(),
                settings.window().micros());
    }

    Settings settings() {
        return settings;
    }

    LoadedScenario base() {
        return base;
    }

    /** Schedule {@code i} of this exploration. */
    Schedule schedule(int i) {
        return generator.schedule(i);
    }

    /** The scenario file text that runs {@code s} (every default written out). */
    String scenarioText(Schedule s) {
        return ScenarioLoader.toYaml(scenarioOf(s));
    }

    /** The scenario that runs {@code s}: the base with the faults appended, one replication on the schedule's seed. */
    Scenario scenarioOf(Schedule s) {
        Scenario b = base.scenario();
        Loss healed = b.channel().loss() == null ? new Loss.None() : b.channel().loss();
        List<Action> timeline = new ArrayList<>(b.timeline());
        long faultsEnd = 0;
        for (Fault f : s.faults()) {
            timeline.addAll(f.actions(healed));
            faultsEnd = Math.max(faultsEnd, f.endMicros());
        }
        long end = Math.max(Math.max(faultsEnd, base.timelineEndMicros()), settings.window().micros())
                + settings.quiet().micros();
        RunSpec r = b.run();
        RunSpec run = new RunSpec(s.seed(), 1, new StopCondition.At(new Span(end)), r.settle(),
                new Span(Math.max(r.limit().micros(), end)), settings.eventCap(), r.bucket(), r.wallClock(),
                r.warmUp());
        Raid raid = s.raidSize() == null ? b.raid()
                : new Raid(s.raidSize(), b.raid().defaults(), b.raid().members(), b.raid().stress());
        return new Scenario(b.name() + "-explore", b.description(), raid, b.data(), b.channel(), b.protocol(),
                timeline, run);
    }

    /** Loads the scenario of {@code s} as a file would be loaded (its checks included). */
    LoadedScenario load(Schedule s) {
        return ScenarioLoader.load(base.source() + " (explore schedule " + s.index() + ")", scenarioText(s),
                base.scenario().name() + "-explore");
    }

    /** Runs {@code s} and returns what broke (empty if nothing). */
    List<Finding> check(Schedule s) {
        LoadedScenario ls = load(s);
        InvariantMonitor monitor = new InvariantMonitor(ls.roster().stream().map(RosterEntry::name).toList(),
                settings.quietTail().micros());
        RunResult r;
        try {
            r = new ReplicationRunner(worlds).run(ls, 0, null, monitor);
        } catch (RunFailedException e) {
            if (!e.getMessage().contains("event-cap")) {
                throw e;
            }
            monitor.eventCap(e.getMessage());
            return monitor.finish(null);
        } catch (RuntimeException e) {
            monitor.failed(e);
            return monitor.finish(null);
        }
        return monitor.finish(r);
    }
}
