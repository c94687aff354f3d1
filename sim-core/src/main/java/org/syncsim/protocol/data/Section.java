package org.syncsim.protocol.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One section of an assignment sheet, as the addon holds it in {@code TWRA_Assignments.data[i]} (spec §5.1):
 * its name, the header ({@code "Icon"}, {@code "Target"}, then the role names), the rows, and the metadata.
 * {@code Section Player Info} is client-specific and never transmitted, so it is not modelled.
 *
 * @param needsProcessing the addon's {@code NeedsProcessing} flag when the section carries one (it is serialised
 *     with the rest of the section), or {@code null} when absent
 */
public record Section(String name, List<String> header, List<Row> rows, SectionMetadata metadata, Boolean needsProcessing) {

    public Section {
        Objects.requireNonNull(name, "name");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        Objects.requireNonNull(metadata, "metadata");
    }

    public Section(String name, List<String> header, List<Row> rows, SectionMetadata metadata) {
        this(name, header, rows, metadata, null);
    }

    /** Number of role columns (header entries after {@code Icon} and {@code Target}). */
    public int roleCount() {
        return Math.max(0, header.size() - 2);
    }

    /**
     * Whether the addon would accept this section after decompression: at least one row with its first two
     * columns (icon and target) present (spec §3.5 step 11).
     */
    public boolean hasDisplayableRow() {
        for (Row row : rows) {
            if (!row.icon().isEmpty() && !row.target().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A copy with one cell replaced (row and cell indices 0-based over {@link Row#cells()}). */
    public Section withCell(int row, int cell, String value) {
        List<Row> newRows = new ArrayList<>(rows);
        Row old = newRows.get(row);
        List<String> cells = new ArrayList<>(old.cells());
        cells.set(cell, value);
        newRows.set(row, new Row(old.icon(), old.target(), cells));
        return new Section(name, header, newRows, metadata, needsProcessing);
    }

    /** A copy whose metadata's {@code Tank Columns} key is {@code columns} ({@code null}: no key). */
    public Section withTankColumns(List<Integer> columns) {
        return new Section(name, header, rows, metadata.withTankColumns(columns), needsProcessing);
    }

    /** A copy with one more note appended to the metadata. */
    public Section withNote(String note) {
        List<String> notes = new ArrayList<>(metadata.notes());
        notes.add(note);
        SectionMetadata m = new SectionMetadata(notes, metadata.warnings(), metadata.guids(), metadata.groupRows(),
                metadata.tankColumns());
        return new Section(name, header, rows, m, needsProcessing);
    }
}
