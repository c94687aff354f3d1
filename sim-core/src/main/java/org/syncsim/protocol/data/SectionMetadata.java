package org.syncsim.protocol.data;

import java.util.List;

/**
 * A section's {@code Section Metadata} table (spec §5.1): free-text notes and warnings, GUIDs, the indices of rows
 * that assign whole groups ({@code Group Rows}) and of tank columns ({@code Tank Columns}). Indices are 1-based,
 * as in the addon.
 */
public record SectionMetadata(
        List<String> notes,
        List<String> warnings,
        List<String> guids,
        List<Integer> groupRows,
        List<Integer> tankColumns) {

    public static final SectionMetadata EMPTY = new SectionMetadata(List.of(), List.of(), List.of(), List.of(), List.of());

    public SectionMetadata {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        guids = List.copyOf(guids);
        groupRows = List.copyOf(groupRows);
        tankColumns = List.copyOf(tankColumns);
    }
}
