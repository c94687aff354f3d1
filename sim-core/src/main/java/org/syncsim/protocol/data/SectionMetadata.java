package org.syncsim.protocol.data;

import java.util.List;

/**
 * A section's {@code Section Metadata} table (spec §5.1): free-text notes and warnings, GUIDs, the indices of rows
 * that assign whole groups ({@code Group Rows}) and of tank columns ({@code Tank Columns}). Indices are 1-based,
 * as in the addon.
 *
 * <p>{@code tankColumns} is {@code null} when the table has no {@code Tank Columns} key, which is not the same as an
 * empty list ({@code {}}): the addon writes the key only while generating the OSD info of a section that mentions
 * the processing player ({@code GenerateOSDInfoForSection}, {@code core/DataProcessing.lua:881-905}; see
 * {@link PlayerView}), so whether a blob carries it depends on who imported the sheet (spec §5.2).
 */
public record SectionMetadata(
        List<String> notes,
        List<String> warnings,
        List<String> guids,
        List<Integer> groupRows,
        List<Integer> tankColumns) {

    /** No entries and no {@code Tank Columns} key. */
    public static final SectionMetadata EMPTY = new SectionMetadata(List.of(), List.of(), List.of(), List.of());

    public SectionMetadata {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        guids = List.copyOf(guids);
        groupRows = List.copyOf(groupRows);
        tankColumns = tankColumns == null ? null : List.copyOf(tankColumns);
    }

    /** Metadata without a {@code Tank Columns} key. */
    public SectionMetadata(List<String> notes, List<String> warnings, List<String> guids, List<Integer> groupRows) {
        this(notes, warnings, guids, groupRows, null);
    }

    /** Whether the table has the {@code Tank Columns} key (possibly {@code {}}). */
    public boolean hasTankColumns() {
        return tankColumns != null;
    }

    /** A copy whose {@code Tank Columns} key is {@code columns} ({@code null}: no key). */
    public SectionMetadata withTankColumns(List<Integer> columns) {
        return new SectionMetadata(notes, warnings, guids, groupRows, columns);
    }
}
