package org.syncsim.scenario;

/**
 * The assignment sheet the raid syncs: generated from a size and a seed, or read from {@code file}. A sheet read
 * from a file has its own shape, so then {@code sections}, {@code rows}, {@code columns} and {@code seed} stay
 * unset (null).
 *
 * @param sections how many sections (bosses), numbered 1..sections (default 16)
 * @param rows rows per section (default 25)
 * @param columns columns per row, Icon and Target included (default 10)
 * @param seed seed of the generated content (default 1)
 * @param file a sheet file to load instead of generating one (relative to the scenario file's directory; see
 *     {@link SheetFile}); optional
 * @param timestamp Unix time stamped on the sheet members hold at the start (default 1747458000)
 * @param oldTimestamp Unix time of the older version members with {@code data: old} hold (default timestamp − 1 day)
 */
public record DataSpec(Integer sections, Integer rows, Integer columns, Long seed, String file, Long timestamp,
        Long oldTimestamp) {
    public DataSpec {
        if (file == null) {
            sections = sections == null ? 16 : sections;
            rows = rows == null ? 25 : rows;
            columns = columns == null ? 10 : columns;
            seed = seed == null ? 1L : seed;
        }
        timestamp = timestamp == null ? 1_747_458_000L : timestamp;
        oldTimestamp = oldTimestamp == null ? timestamp - 86_400L : oldTimestamp;
    }

    public static DataSpec defaults() {
        return new DataSpec(null, null, null, null, null, null, null);
    }
}
