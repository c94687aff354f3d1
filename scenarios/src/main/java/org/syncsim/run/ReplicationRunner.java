package org.syncsim.run;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.syncsim.engine.EventCapExceededException;
import org.syncsim.engine.RandomStreams;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.RunOutcome;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.engine.TraceSink;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.metrics.RunRecorder;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.ClientSettings;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.RosterEntry;
import org.syncsim.scenario.RunSpec;
import org.syncsim.scenario.StopCondition;
import org.syncsim.scenario.TimedAction;

/**
 * Runs one replication of a scenario: a fresh simulation seeded with
 * {@code RandomStreams.replicationSeed(run.seed, r)}, the world from the factory, the timeline scheduled as
 * events, and the stop condition. Storms are expanded into per-member actions with the random stream
 * {@code scenario/timeline/<index>}.
 */
public final class ReplicationRunner {
    private final WorldFactory factory;

    public ReplicationRunner(WorldFactory factory) {
        this.factory = factory;
    }

    /** The seed replication {@code r} runs with. */
    public static long seedOf(LoadedScenario s, int r) {
        return RandomStreams.replicationSeed(s.scenario().run().seed(), r);
    }

    /** Runs replication {@code r} to its stop condition. */
    public RunResult run(LoadedScenario s, int r) {
        return run(s, r, null);
    }

    /**
     * Runs replication {@code r} with its event trace going to {@code trace} (none if null): the timeline's
     * actions ({@code action}), the channel's sends, rejections, deliveries, losses and presence changes, and
     * why the run stopped ({@code stop}). The trace changes nothing else: the result is the same with or without.
     */
    public RunResult run(LoadedScenario s, int r, TraceSink trace) {
        return run(s, r, trace, null);
    }

    /**
     * Runs replication {@code r} with {@code watcher} (if not null) told of its messages, sync reports, Lua errors
     * and desyncs as they happen ({@link RunRecorder#watchedBy}); the result is the same with or without.
     */
    public RunResult run(LoadedScenario s, int r, TraceSink trace, MetricsRecorder watcher) {
        long seed = seedOf(s, r);
        RunSpec spec = s.scenario().run();
        Simulation sim = new Simulation(seed);
        sim.setTrace(trace);
        RunRecorder rec = new RunRecorder(s.roster().stream().map(RosterEntry::name).toList(), spec.bucket().micros(),
                spec.warmUp().micros(), s.scenario().protocol().cpu().hitch().micros());
        if (watcher != null) {
            rec.watchedBy(watcher);
        }
        World world = factory.build(s, sim, rec);
        schedule(s, sim, world);

        long timelineEnd = s.timelineEndMicros();
        boolean[] stop = {false};
        String[] reason = {null};
        StopCondition until = spec.until();
        long end = spec.limit().micros();
        if (until instanceof StopCondition.At at) {
            end = Math.min(end, at.end().micros());
        } else {
            long quiet = until instanceof StopCondition.QuietFor q ? q.quiet().micros() : spec.settle().micros();
            boolean needSync = until instanceof StopCondition.AllSynced;
            watch(sim, rec, world, timelineEnd, quiet, needSync, stop, reason);
        }
        RunOutcome outcome;
        try {
            outcome = sim.run(RunLimits.until(end).withEventCap(spec.eventCap()).withStop(() -> stop[0]));
        } catch (EventCapExceededException e) {
            String lowered = e.cap() < spec.eventCap() ? " (lowered from " + spec.eventCap() + " by -D"
                    + RunLimits.EVENT_CAP_CEILING_PROPERTY + ")" : "";
            throw new RunFailedException("replication " + r + " (seed " + seed + ") processed more than run.event-cap = "
                    + e.cap() + " events" + lowered + " by t=" + SimTime.format(sim.now())
                    + "; raise run.event-cap if the scenario is meant to be that busy", e);
        }
        long endTime = switch (outcome) {
            case STOPPED -> sim.now();
            case TIME_LIMIT -> end;
            case QUEUE_EMPTY -> until instanceof StopCondition.At ? end : Math.max(sim.now(), timelineEnd);
        };
        String why = switch (outcome) {
            case STOPPED -> reason[0];
            case TIME_LIMIT -> until instanceof StopCondition.At && end < spec.limit().micros() ? "time" : "limit";
            case QUEUE_EMPTY -> until instanceof StopCondition.At ? "time" : "idle";
        };
        world.finish(endTime);
        if (sim.tracing()) {
            sim.trace("stop", why + " end=" + SimTime.format(endTime));
        }
        return rec.result(seed, endTime, sim.eventsProcessed(), why);
    }

    /**
     * A check that fires when the channel could first have been quiet long enough, and again at each later
     * such instant, so the run stops exactly when the condition starts to hold.
     */
    private static void watch(Simulation sim, RunRecorder rec, World world, long timelineEnd, long quiet,
            boolean needSync, boolean[] stop, String[] reason) {
        org.syncsim.engine.Action[] check = new org.syncsim.engine.Action[1];
        check[0] = now -> {
            long quietSince = Math.max(timelineEnd, rec.lastSentMicros());
            long due = quietSince + quiet;
            if (now >= due && world.settled() && (!needSync || rec.allSynced())) {
                stop[0] = true;
                reason[0] = needSync ? "all-synced" : "quiet";
                return;
            }
            // quiet long enough but not synced or settled: look again one quiet span later
            sim.post(due > now ? due : now + Math.max(quiet, 1), check[0]);
        };
        sim.post(timelineEnd + quiet, check[0]);
    }

    /**
     * Schedules one of the timeline's actions, traced as {@code action} with the world's call and the client it
     * concerns ({@code who} < 0 for none).
     */
    private static void post(Simulation sim, long time, String what, LoadedScenario s, int who,
            org.syncsim.engine.Action act) {
        sim.post(time, now -> {
            if (sim.tracing()) {
                sim.trace("action", what + (who < 0 ? "" : " client=" + who + " " + s.roster().get(who).name()));
            }
            act.run(now);
        });
    }

    private static void schedule(LoadedScenario s, Simulation sim, World world) {
        long defaultLoading = s.scenario().channel().loadingScreen().micros();
        List<RosterEntry> roster = s.roster();
        for (TimedAction ta : s.timeline()) {
            Action a = ta.action();
            int who = a.who() == null ? -1 : s.member(a.who()).id();
            long at = ta.atMicros();
            if (a instanceof Action.Join) {
                post(sim, at, "join", s, who, now -> world.join(now, who));
            } else if (a instanceof Action.Leave) {
                post(sim, at, "leave", s, who, now -> world.leave(now, who));
            } else if (a instanceof Action.Disconnect d) {
                post(sim, at, "disconnect", s, who, now -> world.disconnect(now, who));
                if (d.duration() != null) {
                    post(sim, at + d.duration().micros(), "reconnect", s, who, now -> world.reconnect(now, who));
                }
            } else if (a instanceof Action.Reconnect) {
                post(sim, at, "reconnect", s, who, now -> world.reconnect(now, who));
            } else if (a instanceof Action.Reload rl) {
                long loading = rl.duration() == null ? defaultLoading : rl.duration().micros();
                post(sim, at, "reload", s, who, now -> world.reload(now, who, loading));
            } else if (a instanceof Action.LoadingScreen ls) {
                long loading = ls.duration() == null ? defaultLoading : ls.duration().micros();
                post(sim, at, "loadingScreen", s, who, now -> world.loadingScreen(now, who, loading));
            } else if (a instanceof Action.Import im) {
                if (im.path() == Action.Import.ImportPath.PLAIN_TEXT) {
                    post(sim, at, "importPlainText", s, who, now -> world.importPlainText(now, who, im.sections()));
                } else {
                    post(sim, at, "importData", s, who, now -> world.importData(now, who, im.sections()));
                }
            } else if (a instanceof Action.Navigate nav) {
                post(sim, at, "navigate", s, who, now -> world.navigate(now, who, nav.section()));
            } else if (a instanceof Action.SkullMark mark) {
                List<Integer> auto = roster.stream().filter(RosterEntry::autoNavigate).map(RosterEntry::id).toList();
                post(sim, at, "skullMark section=" + mark.section() + " auto-navigate=" + auto.size(), s, -1,
                        now -> world.skullMark(now, mark.section(), auto));
            } else if (a instanceof Action.SyncAll) {
                post(sim, at, "syncAll", s, who, now -> world.syncAll(now, who));
            } else if (a instanceof Action.FullSync) {
                post(sim, at, "fullSync", s, who, now -> world.fullSync(now, who));
            } else if (a instanceof Action.ExampleButton) {
                post(sim, at, "exampleButton", s, who, now -> world.exampleButton(now, who));
            } else if (a instanceof Action.Options o) {
                post(sim, at, "options", s, who, now -> world.options(now, who, o.liveSync(), o.tankSync()));
            } else if (a instanceof Action.Network net) {
                post(sim, at, "network", s, who, now -> world.network(now, who, net.latency(), net.loss()));
            } else if (a instanceof Action.Rogue rg) {
                long gap = Math.round(1e6 / rg.rate());
                for (int k = 0; k < rg.count(); k++) {
                    int kk = k;
                    post(sim, at + k * gap, "rogue", s, who, now -> world.rogue(now, who, rg, kk));
                }
            } else if (a instanceof Action.Storm st) {
                UniformRandomProvider rng = sim.random().stream("scenario/timeline/" + ta.index());
                long defaultLoadingForStorm = defaultLoading;
                for (int client : stormMembers(s, st, roster)) {
                    long offset = st.spread() == Action.Storm.Spread.AT_ONCE || st.window().micros() == 0 ? 0
                            : rng.nextLong(st.window().micros() + 1);
                    if (st.what() == Action.Storm.StormKind.JOIN) {
                        post(sim, at + offset, "join", s, client, now -> world.join(now, client));
                    } else {
                        post(sim, at + offset, "reload", s, client,
                                now -> world.reload(now, client, defaultLoadingForStorm));
                    }
                }
            } else {
                throw new IllegalStateException("unscheduled action " + a);
            }
        }
    }

    /**
     * Who takes part in a storm: the named members, else the first {@code members} (default all) in roster
     * order among those who can: for {@code join}, members not in the raid at t=0; for {@code reload},
     * members in the raid at t=0.
     */
    static List<Integer> stormMembers(LoadedScenario s, Action.Storm st, List<RosterEntry> roster) {
        List<Integer> out = new ArrayList<>();
        if (st.names() != null) {
            for (String n : st.names()) {
                out.add(s.member(n).id());
            }
            return out;
        }
        for (RosterEntry e : roster) {
            boolean inRaid = e.start() == ClientSettings.Start.IN_RAID;
            if ((st.what() == Action.Storm.StormKind.JOIN) != inRaid) {
                out.add(e.id());
            }
        }
        int n = st.members() == null ? out.size() : Math.min(st.members(), out.size());
        return out.subList(0, n);
    }
}
