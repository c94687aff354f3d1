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
 */
public record LoadedScenario(String source, String text, Scenario scenario, List<RosterEntry> roster,
        List<TimedAction> timeline, String summary, AssignmentSet sheet) {
    public LoadedScenario {
        roster = List.copyOf(roster);
        timeline = List.copyOf(timeline);
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

    /** Time of the last timeline action (0 if none). */
    public long lastActionMicros() {
        return timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).atMicros();
    }
}
