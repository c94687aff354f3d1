package org.syncsim.scenario;

import java.util.List;
import org.syncsim.protocol.data.AssignmentSet;

/**
 * A scenario that passed every check, with its roster resolved and its timeline in time order.
 *
 * @param source where it came from (a path, or {@code bundled:NAME})
 * @param text the file's text (kept so that later overrides can be located and reported)
 * @param summary the first line of the file's comment header, or the description
 * @param sheet the sheet read from {@code data.file}, or null when the sheet is generated
 * @param sheetFile where that sheet was read from on disk; null for a generated or bundled sheet
 * @param warnings things that load but are probably not what was meant (an empty file, a bucket that makes
 *     {@code timeline.csv} huge), one sentence each naming the source; the commands print them on stderr
 */
public record LoadedScenario(String source, String text, Scenario scenario, List<RosterEntry> roster,
        List<TimedAction> timeline, String summary, AssignmentSet sheet, java.nio.file.Path sheetFile,
        List<String> warnings) {
    public LoadedScenario {
        roster = List.copyOf(roster);
        timeline = List.copyOf(timeline);
        warnings = List.copyOf(warnings);
    }

    /** The same scenario with these warnings instead. */
    public LoadedScenario withWarnings(List<String> w) {
        return new LoadedScenario(source, text, scenario, roster, timeline, summary, sheet, sheetFile, w);
    }

    /** The entry of the member with this name, or null. */
    public RosterEntry member(String name) {
        for (RosterEntry e : roster) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** Number of sections in the sheet: the file's, or {@code data.sections} of a generated one. */
    public int sectionCount() {
        return sheet != null ? sheet.size() : scenario.data().sections();
    }

    /**
     * When the timeline has done everything it will (0 if it is empty): its last action, or later where an action
     * lasts: a disconnect with {@code for:} until the member returns, a reload or loading screen until it ends, a
     * rogue burst until its last message, a storm until its window closes and its reloads end. The stop rules
     * count from here, so {@code all-synced} never ends a run while a member is still due back.
     */
    public long timelineEndMicros() {
        long loading = scenario.channel().loadingScreen().micros();
        long end = 0;
        for (TimedAction ta : timeline) {
            end = Math.max(end, ta.atMicros() + lasting(ta.action(), loading));
        }
        return end;
    }

    private static long lasting(Action a, long defaultLoading) {
        if (a instanceof Action.Disconnect d) {
            return d.duration() == null ? 0 : d.duration().micros();
        }
        if (a instanceof Action.Reload r) {
            return r.duration() == null ? defaultLoading : r.duration().micros();
        }
        if (a instanceof Action.LoadingScreen l) {
            return l.duration() == null ? defaultLoading : l.duration().micros();
        }
        if (a instanceof Action.Rogue r) {
            return (r.count() - 1) * Math.round(1e6 / r.rate());
        }
        if (a instanceof Action.Storm st) {
            return st.window().micros() + (st.what() == Action.Storm.StormKind.RELOAD ? defaultLoading : 0);
        }
        return 0;
    }
}
