package org.syncsim.scenario;

import java.util.List;

/**
 * One section of a sheet file: either written out field by field, or as the addon's own serialised section
 * text in {@code lua} (spec §5.2), not both.
 *
 * @param name the section's name (a boss); not empty and without {@code "} (the structure payload cannot carry
 *     it, spec §5.3)
 * @param columns the role column names; the addon's header is {@code Icon}, {@code Target}, then these
 * @param rows the rows, each with one cell per column
 * @param notes free-text notes (optional)
 * @param warnings free-text warnings (optional)
 * @param guids the metadata's GUID list (optional)
 * @param tankColumns which columns hold tanks, numbered 1.. over {@code columns} (optional): the metadata's
 *     {@code Tank Columns} key, written into the sheet. Absent means no key, as a spreadsheet import gives it;
 *     then the importer's addon adds it to the sections that mention the importer (name, class word or its group),
 *     and {@code []} is a key with no column (which that addon also fills in for such sections)
 * @param groupRows which rows assign whole groups, numbered 1.. over {@code rows}; when absent, every row with
 *     a cell starting {@code "Group "}, as the addon's sender generates it (spec §5.2)
 * @param needsProcessing the addon's {@code NeedsProcessing} flag, when the section carries one (optional)
 * @param lua the section as the addon serialises it: Lua table-constructor text with {@code ["Section Name"]},
 *     {@code ["Section Header"]}, {@code ["Section Rows"]} and {@code ["Section Metadata"]} (a {@code timestamp}
 *     in it is ignored)
 */
public record SheetSection(String name, List<String> columns, List<SheetRow> rows, List<String> notes,
        List<String> warnings, List<String> guids, List<Integer> tankColumns, List<Integer> groupRows,
        Boolean needsProcessing, String lua) {
}
