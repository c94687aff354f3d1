package org.syncsim.protocol.data;

/**
 * The shape of a synthetic assignment sheet, as scenarios name it ("16 sections × 25 rows × 10 columns").
 * {@code columns} counts every header column, {@code Icon} and {@code Target} included (spec §5.1, §5.6), so a
 * sheet has {@code columns - 2} role columns.
 *
 * @param emptyFraction probability that a role cell is {@code ""}
 * @param notesPerSection number of {@code Note} entries in each section's metadata
 * @param warningsPerSection number of {@code Warning} entries in each section's metadata
 */
public record SheetSpec(
        int sections, int rows, int columns, double emptyFraction, int notesPerSection, int warningsPerSection) {

    /** The spec's synthetic defaults (§5.6): 25 % empty cells, 2 notes and 1 warning per section. */
    public static final double DEFAULT_EMPTY_FRACTION = 0.25;
    public static final int DEFAULT_NOTES = 2;
    public static final int DEFAULT_WARNINGS = 1;

    public SheetSpec {
        if (sections < 1 || sections > 100) {
            throw new IllegalArgumentException("sections must be 1..100 (the addon's structure limit): " + sections);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be positive: " + rows);
        }
        if (columns < 2) {
            throw new IllegalArgumentException("columns must include Icon and Target: " + columns);
        }
        if (!(emptyFraction >= 0 && emptyFraction <= 1)) {
            throw new IllegalArgumentException("emptyFraction must be in [0, 1]: " + emptyFraction);
        }
        if (notesPerSection < 0 || warningsPerSection < 0) {
            throw new IllegalArgumentException("note and warning counts must be non-negative");
        }
    }

    /** A sheet of the given shape with the spec's defaults for everything else. */
    public static SheetSpec of(int sections, int rows, int columns) {
        return new SheetSpec(sections, rows, columns, DEFAULT_EMPTY_FRACTION, DEFAULT_NOTES, DEFAULT_WARNINGS);
    }

    /** The spec's headline sheet: 16 sections × 25 rows × 10 columns. */
    public static SheetSpec defaults() {
        return of(16, 25, 10);
    }
}
