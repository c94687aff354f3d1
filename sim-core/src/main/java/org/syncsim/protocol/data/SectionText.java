package org.syncsim.protocol.data;

import java.util.ArrayList;
import java.util.List;
import org.syncsim.protocol.data.codec.LuaTable;
import org.syncsim.protocol.data.codec.LuaTableReader;
import org.syncsim.protocol.data.codec.LuaTextWriter;

/**
 * A section's Lua text (spec §5.2) and its inverse.
 *
 * <p>The addon writes keys in Lua's {@code pairs} order, which for string keys depends on the hash layout. This
 * model fixes one order, documented here and relied on by nothing but byte-exact comparisons:
 * section table: {@code Section Name}, {@code Section Header}, {@code Section Rows}, {@code Section Metadata},
 * {@code NeedsProcessing} (when present), {@code timestamp}; metadata table: {@code Note}, {@code Warning},
 * {@code GUID}, {@code Group Rows} (always written, empty ones as {@code {}}, because the sender deep-copies
 * metadata and generates {@code Group Rows}), then {@code Tank Columns} only when the metadata has that key (an
 * empty list as {@code {}}): the addon adds it only to sections that mention the importer ({@link PlayerView});
 * arrays in index order. The order changes no byte count. Reading keeps the difference: a table without the key
 * reads back as {@link SectionMetadata#hasTankColumns() no key}.
 */
public final class SectionText {

    static final String NAME = "Section Name";
    static final String HEADER = "Section Header";
    static final String ROWS = "Section Rows";
    static final String METADATA = "Section Metadata";
    static final String NEEDS_PROCESSING = "NeedsProcessing";
    static final String TIMESTAMP = "timestamp";
    static final String NOTE = "Note";
    static final String WARNING = "Warning";
    static final String GUID = "GUID";
    static final String GROUP_ROWS = "Group Rows";
    static final String TANK_COLUMNS = "Tank Columns";

    /** Largest array index accepted when reading (guards against {@code {[1e9]="x"}}). */
    static final long MAX_ARRAY_INDEX = 10_000;

    private SectionText() {}

    /** The serialised text of {@code section} with {@code timestamp} inside it (a byte string). */
    public static String write(Section section, long timestamp) {
        LuaTextWriter w = new LuaTextWriter(256 + 16 * section.rows().size() * Math.max(1, section.header().size()));
        w.beginTable();
        w.key(NAME).string(section.name());
        w.key(HEADER).stringArray(section.header());
        w.key(ROWS).beginTable();
        long i = 1;
        for (Row row : section.rows()) {
            w.key(i++).stringArray(row.values());
        }
        w.endTable();
        SectionMetadata m = section.metadata();
        w.key(METADATA).beginTable();
        w.key(NOTE).stringArray(m.notes());
        w.key(WARNING).stringArray(m.warnings());
        w.key(GUID).stringArray(m.guids());
        w.key(GROUP_ROWS).numberArray(m.groupRows());
        if (m.hasTankColumns()) {
            w.key(TANK_COLUMNS).numberArray(m.tankColumns());
        }
        w.endTable();
        if (section.needsProcessing() != null) {
            w.key(NEEDS_PROCESSING).bool(section.needsProcessing());
        }
        w.key(TIMESTAMP).number(timestamp);
        w.endTable();
        return w.text();
    }

    /**
     * Reads section text back, as the receiver's {@code loadstring} and slot padding do (spec §5.2): missing
     * header and row slots become {@code ""}, and every row is padded to the header's width.
     */
    public static DecodeResult<SectionPayload> read(String text) {
        LuaTableReader.Result parsed = LuaTableReader.read(text);
        if (parsed instanceof LuaTableReader.Result.Error e) {
            return DecodeResult.failed(DecodeFailure.BAD_TABLE_TEXT, e.message());
        }
        return readTable(((LuaTableReader.Result.Ok) parsed).value());
    }

    /**
     * Reads an already parsed value as a section table (as {@link #read(String)} after parsing), for texts that
     * hold sections inside a larger table (the G0 full-data string).
     */
    public static DecodeResult<SectionPayload> readTable(Object root) {
        if (!(root instanceof LuaTable t)) {
            return DecodeResult.failed(DecodeFailure.BAD_TABLE_TEXT, "not a table");
        }
        try {
            String name = scalarText(t.get(NAME), NAME);
            List<String> header = stringArray(t.get(HEADER), HEADER, 0);
            List<Row> rows = new ArrayList<>();
            Object rowsValue = t.get(ROWS);
            if (rowsValue != null) {
                LuaTable rt = table(rowsValue, ROWS);
                long n = extent(rt, ROWS);
                for (long r = 1; r <= n; r++) {
                    Object rowValue = rt.get(r);
                    List<String> values = stringArray(rowValue, ROWS, Math.max(2, header.size()));
                    rows.add(Row.ofValues(values));
                }
            }
            SectionMetadata metadata = SectionMetadata.EMPTY;
            Object metaValue = t.get(METADATA);
            if (metaValue != null) {
                LuaTable mt = table(metaValue, METADATA);
                metadata = new SectionMetadata(
                        denseStrings(mt.get(NOTE), NOTE),
                        denseStrings(mt.get(WARNING), WARNING),
                        denseStrings(mt.get(GUID), GUID),
                        denseIntegers(mt.get(GROUP_ROWS), GROUP_ROWS),
                        mt.get(TANK_COLUMNS) == null ? null : denseIntegers(mt.get(TANK_COLUMNS), TANK_COLUMNS));
            }
            Boolean needsProcessing = t.get(NEEDS_PROCESSING) instanceof Boolean b ? b : null;
            Object ts = t.get(TIMESTAMP);
            Long timestamp = ts instanceof Long l ? l : ts instanceof Double d ? (long) (double) d : null;
            return DecodeResult.ok(new SectionPayload(new Section(name, header, rows, metadata, needsProcessing), timestamp));
        } catch (ShapeException e) {
            return DecodeResult.failed(DecodeFailure.BAD_TABLE_TEXT, e.getMessage());
        }
    }

    private static final class ShapeException extends Exception {
        ShapeException(String message) {
            super(message, null, false, false);
        }
    }

    private static LuaTable table(Object v, String field) throws ShapeException {
        if (v instanceof LuaTable t) {
            return t;
        }
        throw new ShapeException(field + " is not a table");
    }

    private static long extent(LuaTable t, String field) throws ShapeException {
        long n = t.maxIndex();
        if (n > MAX_ARRAY_INDEX) {
            throw new ShapeException(field + " has index " + n);
        }
        return n;
    }

    /** Lua's {@code tostring} for scalars the addon would concatenate; {@code nil} reads as "". */
    private static String scalarText(Object v, String field) throws ShapeException {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long l) {
            return Long.toString(l);
        }
        if (v instanceof Double d) {
            return luaNumber(d);
        }
        throw new ShapeException(field + " holds a " + (v instanceof LuaTable ? "table" : "boolean"));
    }

    private static String luaNumber(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String s = String.format(java.util.Locale.ROOT, "%.14g", d);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return mantissa + "e" + parts[1];
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** Slots 1..max(extent, minWidth), holes as "". */
    private static List<String> stringArray(Object v, String field, int minWidth) throws ShapeException {
        List<String> out = new ArrayList<>();
        long n = minWidth;
        LuaTable t = null;
        if (v != null) {
            t = table(v, field);
            n = Math.max(n, extent(t, field));
        }
        for (long i = 1; i <= n; i++) {
            out.add(t == null ? "" : scalarText(t.get(i), field));
        }
        return out;
    }

    private static List<String> denseStrings(Object v, String field) throws ShapeException {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        LuaTable t = table(v, field);
        long n = extent(t, field);
        for (long i = 1; i <= n; i++) {
            Object e = t.get(i);
            if (e != null) {
                out.add(scalarText(e, field));
            }
        }
        return out;
    }

    private static List<Integer> denseIntegers(Object v, String field) throws ShapeException {
        List<Integer> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        LuaTable t = table(v, field);
        long n = extent(t, field);
        for (long i = 1; i <= n; i++) {
            Object e = t.get(i);
            if (e instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                out.add((int) (long) l);
            } else if (e != null) {
                throw new ShapeException(field + " holds a non-integer");
            }
        }
        return out;
    }
}
