package org.syncsim.scenario;

import java.util.List;

/**
 * One row of a sheet file's section: a raid-target icon name (e.g. {@code Skull}), a target, and one cell per
 * role column: a player, group or class name, or {@code ""} when empty.
 */
public record SheetRow(String icon, String target, List<String> cells) {
}
