package org.syncsim.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.syncsim.engine.RandomStreams;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.ClientSettings;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.Member;
import org.syncsim.scenario.RosterEntry;
import org.syncsim.scenario.Span;

/**
 * Draws fault schedules for a base scenario: 1 to {@code maxFaults} faults of every {@link Fault.Kind}, each at a
 * uniform instant of the fault window and lasting 1-30 s, on members in the raid at the start (the leader imports
 * and edits). A member is in at most one lasting fault at a time, so that every fault does what it says. Schedule
 * {@code i} is drawn from the stream {@code explore/schedule} of its own seed, so it depends on nothing else.
 */
final class ScheduleGenerator {
    /** Faults start on whole milliseconds and last whole tenths of a second, so that the files read well. */
    private static final long MILLI = 1_000;
    private static final long TENTH = 100_000;
    private static final long MIN_DURATION = Span.parse("1s").micros();
    private static final long MAX_DURATION = Span.parse("30s").micros();
    private static final Fault.Kind[] KINDS = Fault.Kind.values();
    private static final Action.Rogue.RogueMessage[] ROGUES = {Action.Rogue.RogueMessage.GARBAGE,
        Action.Rogue.RogueMessage.FUTURE_SECTION, Action.Rogue.RogueMessage.REQUEST_ZERO};

    private final long masterSeed;
    private final int maxFaults;
    private final long windowMicros;
    private final List<String> inRaid;
    private final String leader;
    private final int sections;

    /**
     * @param base the scenario the faults are added to
     * @param masterSeed the exploration's seed; schedule i's seed derives from it
     * @param maxFaults the most faults in one schedule
     * @param windowMicros faults start in [0, window)
     */
    ScheduleGenerator(LoadedScenario base, long masterSeed, int maxFaults, long windowMicros) {
        this.masterSeed = masterSeed;
        this.maxFaults = maxFaults;
        this.windowMicros = windowMicros;
        inRaid = base.roster().stream().filter(e -> e.start() == ClientSettings.Start.IN_RAID)
                .map(RosterEntry::name).toList();
        leader = base.roster().stream().filter(e -> e.role() == Member.Role.LEADER).map(RosterEntry::name)
                .findFirst().orElse(base.roster().get(0).name());
        sections = base.sheet() == null ? 1 : Math.max(1, base.sheet().sections().size());
        if (inRaid.isEmpty()) {
            throw new IllegalArgumentException("no member starts in the raid: nothing to inject faults into");
        }
    }

    /** Schedule {@code i}. */
    Schedule schedule(int i) {
        long seed = RandomStreams.replicationSeed(masterSeed, i);
        UniformRandomProvider rng = RandomStreams.fresh(seed, "explore/schedule");
        int n = 1 + rng.nextInt(maxFaults);
        List<Fault> faults = new ArrayList<>();
        List<long[]> busy = new ArrayList<>(); // per fault: member index, start, end
        for (int k = 0; k < n; k++) {
            Fault.Kind kind = KINDS[rng.nextInt(KINDS.length)];
            long at = MILLI * rng.nextLong(Math.max(1, windowMicros / MILLI));
            long d = TENTH * (MIN_DURATION / TENTH + rng.nextLong((MAX_DURATION - MIN_DURATION) / TENTH + 1));
            long until = at + (kind.lasting() ? d : 0);
            List<String> who = switch (kind) {
                case IMPORT, EDIT -> List.of(leader);
                case LOSS_BURST -> List.of();
                case PARTITION -> pick(rng, 1 + rng.nextInt(Math.max(1, inRaid.size() / 2)), at, until, busy);
                default -> pick(rng, 1, at, until, busy);
            };
            if (who == null) {
                continue; // everyone it could concern is busy then
            }
            int section = kind == Fault.Kind.EDIT ? 1 + rng.nextInt(sections) : 0;
            Action.Rogue.RogueMessage rogue = kind == Fault.Kind.ROGUE ? ROGUES[rng.nextInt(ROGUES.length)] : null;
            faults.add(new Fault(kind, new Span(at), new Span(d), who, section, rogue));
        }
        faults.sort(Comparator.comparingLong(f -> f.at().micros()));
        return new Schedule(i, seed, faults, null);
    }

    /** {@code count} distinct members free over [from, until], marked busy; null if none is free. */
    private List<String> pick(UniformRandomProvider rng, int count, long from, long until, List<long[]> busy) {
        List<Integer> free = new ArrayList<>();
        for (int m = 0; m < inRaid.size(); m++) {
            int member = m;
            if (busy.stream().noneMatch(b -> b[0] == member && b[1] <= until && from <= b[2])) {
                free.add(m);
            }
        }
        if (free.isEmpty()) {
            return null;
        }
        List<String> chosen = new ArrayList<>();
        for (int c = 0; c < count && !free.isEmpty(); c++) {
            int m = free.remove(rng.nextInt(free.size()));
            busy.add(new long[] {m, from, until});
            chosen.add(inRaid.get(m));
        }
        return chosen;
    }
}
