package org.syncsim.cli;

import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;
import org.syncsim.scenario.RosterEntry;
import org.syncsim.scenario.Member;

/** What the scenario commands share: finding a scenario and saying what it is in one line. */
final class ScenarioCommands {
    private ScenarioCommands() {
    }

    /** A file path, else a bundled scenario name; bad input becomes {@link BadInputException}. */
    static LoadedScenario load(String fileOrName) {
        try {
            return BundledScenarios.resolve(fileOrName);
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** Prints the scenario's warnings ({@link LoadedScenario#warnings()}) on stderr, one line each. */
    static void warn(picocli.CommandLine.Model.CommandSpec spec, LoadedScenario... scenarios) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (LoadedScenario s : scenarios) {
            all.addAll(s.warnings());
        }
        for (String w : all) {
            spec.commandLine().getErr().println("syncsim: warning: " + w);
        }
        spec.commandLine().getErr().flush();
    }

    /** Bad input if the world cannot simulate something the scenario asks for. */
    static void checkSupported(org.syncsim.run.WorldFactory worlds, LoadedScenario s) {
        java.util.List<String> problems = worlds.unsupported(s);
        if (!problems.isEmpty()) {
            throw new BadInputException(s.source() + ": " + String.join("; ", problems));
        }
    }

    /** One line: clients, sheet, timeline, profile, stop condition, replications. */
    static String oneLine(LoadedScenario s) {
        var sc = s.scenario();
        long leaders = s.roster().stream().filter(e -> e.role() == Member.Role.LEADER).count();
        long inRaid = s.roster().stream()
                .filter(e -> e.start() == org.syncsim.scenario.ClientSettings.Start.IN_RAID).count();
        return sc.name() + ": " + s.roster().size() + " clients (" + inRaid + " in the raid at start, " + leaders
                + " leader), sheet " + (sc.data().file() != null
                        ? sc.data().file() + " (" + s.sectionCount() + " sections)"
                        : sc.data().sections() + " sections x " + sc.data().rows() + " rows x " + sc.data().columns()
                                + " columns")
                + ", " + sc.timeline().size() + " timeline action"
                + (sc.timeline().size() == 1 ? "" : "s") + " until t="
                + new org.syncsim.scenario.Span(s.timelineEndMicros()) + ", profile "
                + ScenarioLoader.yaml().convertValue(sc.protocol().profile(), String.class) + ", until "
                + sc.run().until().text() + ", " + sc.run().replications() + " replication"
                + (sc.run().replications() == 1 ? "" : "s") + " from seed " + sc.run().seed();
    }

    static String names(java.util.List<RosterEntry> roster) {
        return String.join(", ", roster.stream().map(RosterEntry::name).toList());
    }
}
