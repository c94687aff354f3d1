package org.syncsim.protocol.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of a section (spec §5.1, {@code Section Rows[i]}): a raid-target icon name, a target, then one cell per
 * role column holding a player, group or class name, or {@code ""} when empty.
 */
public record Row(String icon, String target, List<String> cells) {

    public Row {
        Objects.requireNonNull(icon, "icon");
        Objects.requireNonNull(target, "target");
        cells = List.copyOf(cells);
    }

    /** A row from its icon, target and cells. */
    public static Row of(String icon, String target, String... cells) {
        return new Row(icon, target, List.of(cells));
    }

    /** The row as the addon stores it: icon, target, then the cells (Lua indices 1..n). */
    public List<String> values() {
        List<String> all = new ArrayList<>(cells.size() + 2);
        all.add(icon);
        all.add(target);
        all.addAll(cells);
        return all;
    }

    /** Builds a row from the addon's array form; missing leading values become {@code ""}. */
    public static Row ofValues(List<String> values) {
        String icon = values.size() > 0 ? values.get(0) : "";
        String target = values.size() > 1 ? values.get(1) : "";
        List<String> cells = values.size() > 2 ? values.subList(2, values.size()) : List.of();
        return new Row(icon, target, cells);
    }
}
