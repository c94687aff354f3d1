package org.syncsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.DecodeResult;
import org.syncsim.protocol.data.Row;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionMetadata;
import org.syncsim.protocol.data.SectionPayload;
import org.syncsim.protocol.data.SectionText;
import org.syncsim.protocol.data.SheetGenerator;
import org.syncsim.protocol.data.codec.ByteStrings;

/**
 * Reads sheet files ({@link SheetFile}; YAML, or JSON for {@code .json} files) into the data model and writes
 * the data model back. Errors name the file, line, column and field and say what was expected, as the
 * scenario loader's do.
 */
public final class SheetLoader {
    /** The addon keeps at most 100 sections ({@code Compression.lua:102}, spec §5.3). */
    public static final int MAX_SECTIONS = 100;

    private static final List<String> ICON_TARGET = List.of("Icon", "Target");

    private SheetLoader() {
    }

    /** Loads and checks a sheet file. */
    public static AssignmentSet load(Path file) {
        return load(file.toString(), ScenarioLoader.readText(file, "sheet"));
    }

    /** Loads and checks sheet text; {@code source} names it in messages ({@code .json} means JSON). */
    public static AssignmentSet load(String source, String text) {
        ObjectMapper mapper = ScenarioLoader.mapperFor(source);
        SheetFile file;
        try {
            file = mapper.readValue(text, SheetFile.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(ScenarioLoader.describe(source, text, mapper.getFactory(), e), e);
        }
        List<Problem> problems = new ArrayList<>();
        AssignmentSet set = toModel(file, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(ScenarioLoader.report(source, text, mapper.getFactory(), problems));
        }
        return set;
    }

    /** The sheet as a file: every section field by field, or as Lua text when fields cannot express it. */
    public static SheetFile toFile(AssignmentSet set) {
        List<SheetSection> out = new ArrayList<>(set.size());
        for (Section s : set.sections()) {
            out.add(expressible(s) ? fields(s) : lua(s));
        }
        return new SheetFile(out);
    }

    /** The sheet as YAML sheet-file text. */
    public static String toYaml(AssignmentSet set) {
        return write(ScenarioLoader.yaml(), set);
    }

    /** The sheet as JSON sheet-file text. */
    public static String toJson(AssignmentSet set) {
        return write(ScenarioLoader.json(), set);
    }

    private static String write(ObjectMapper mapper, AssignmentSet set) {
        try {
            return mapper.writeValueAsString(toFile(set));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- file -> model ----

    private static AssignmentSet toModel(SheetFile file, List<Problem> out) {
        if (file == null || file.sections() == null || file.sections().isEmpty()) {
            out.add(new Problem(file == null || file.sections() == null ? "" : "/sections",
                    "a sheet file lists at least one section: sections: [ { name: ..., columns: [...], rows: [...] } ]"));
            return null;
        }
        if (file.sections().size() > MAX_SECTIONS) {
            out.add(new Problem("/sections", "the addon keeps at most " + MAX_SECTIONS + " sections, got "
                    + file.sections().size()));
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < file.sections().size(); i++) {
            Section s = section(file.sections().get(i), "/sections/" + i, out);
            if (s != null) {
                sections.add(s);
            }
        }
        return out.isEmpty() ? new AssignmentSet(sections) : null;
    }

    private static Section section(SheetSection f, String at, List<Problem> out) {
        if (f == null) {
            out.add(new Problem(at, "expected a section: { name: ..., columns: [...], rows: [...] }"));
            return null;
        }
        if (f.lua() != null) {
            return luaSection(f, at, out);
        }
        checkName(f.name(), at, "/name", out);
        List<String> columns = f.columns() == null ? List.of() : orEmpty(f.columns());
        List<String> header = new ArrayList<>(ICON_TARGET);
        header.addAll(columns);
        List<Row> rows = new ArrayList<>();
        List<SheetRow> given = f.rows() == null ? List.of() : f.rows();
        for (int r = 0; r < given.size(); r++) {
            SheetRow row = given.get(r);
            String rowAt = at + "/rows/" + r;
            if (row == null) {
                out.add(new Problem(rowAt, "expected a row: { icon: Skull, target: ..., cells: [...] }"));
                continue;
            }
            List<String> cells = row.cells() == null ? List.of() : orEmpty(row.cells());
            if (cells.size() != columns.size()) {
                out.add(new Problem(row.cells() == null ? rowAt : rowAt + "/cells", cells.size() + " cell"
                        + (cells.size() == 1 ? "" : "s") + " for " + columns.size() + " column"
                        + (columns.size() == 1 ? "" : "s") + " (" + String.join(", ", columns)
                        + "): give one cell per column, \"\" for an empty one"));
            }
            rows.add(new Row(orEmpty(row.icon()), orEmpty(row.target()), cells));
        }
        // No tank-columns: no Tank Columns key, as the spreadsheet gives it (the importer's addon may add one,
        // PlayerView); tank-columns: [] is the key with an empty list.
        List<Integer> tankColumns = f.tankColumns() == null ? null : new ArrayList<>();
        List<Integer> tanks = f.tankColumns() == null ? List.of() : f.tankColumns();
        for (int k = 0; k < tanks.size(); k++) {
            Integer c = tanks.get(k);
            if (inRange(c, columns.size(), at + "/tank-columns/" + k, "column", "role columns", out)) {
                tankColumns.add(c + ICON_TARGET.size());
            }
        }
        List<Integer> groupRows;
        if (f.groupRows() == null) {
            groupRows = SheetGenerator.groupRows(rows);
        } else {
            groupRows = new ArrayList<>();
            for (int k = 0; k < f.groupRows().size(); k++) {
                Integer r = f.groupRows().get(k);
                if (inRange(r, rows.size(), at + "/group-rows/" + k, "row", "rows", out)) {
                    groupRows.add(r);
                }
            }
        }
        SectionMetadata meta = new SectionMetadata(orEmptyList(f.notes()), orEmptyList(f.warnings()),
                orEmptyList(f.guids()), groupRows, tankColumns);
        return new Section(orEmpty(f.name()), header, rows, meta, f.needsProcessing());
    }

    private static Section luaSection(SheetSection f, String at, List<Problem> out) {
        if (f.name() != null || f.columns() != null || f.rows() != null || f.notes() != null || f.warnings() != null
                || f.guids() != null || f.tankColumns() != null || f.groupRows() != null
                || f.needsProcessing() != null) {
            out.add(new Problem(at + "/lua", "give lua: (the addon's section text) or the section's fields "
                    + "(name, columns, rows, ...), not both"));
            return null;
        }
        DecodeResult<SectionPayload> r = SectionText.read(ByteStrings.string(f.lua().getBytes(StandardCharsets.UTF_8)));
        if (r instanceof DecodeResult.Failed<SectionPayload> failed) {
            out.add(new Problem(at + "/lua", "expected the addon's section text, a Lua table like {[\"Section Name\"]"
                    + "=\"Patchwerk\",[\"Section Header\"]={\"Icon\",\"Target\",\"Tank\"},...}: " + failed.detail()));
            return null;
        }
        Section s = r.valueOrNull().section();
        checkName(s.name(), at, "/lua", out);
        return s;
    }

    private static void checkName(String name, String at, String field, List<Problem> out) {
        if (name == null || name.isBlank()) {
            out.add(new Problem(name == null && field.equals("/name") ? at : at + field,
                    "every section needs a name that is not empty (receivers list sections by name, spec §5.3)"));
        } else if (name.indexOf('"') >= 0) {
            out.add(new Problem(at + field, "the section name '" + name + "' contains a double quote (\"), which "
                    + "the addon's structure payload cannot carry (it writes names between \" without escaping, "
                    + "spec §5.3)"));
        }
    }

    private static boolean inRange(Integer v, int max, String at, String what, String plural, List<Problem> out) {
        if (v == null || v < 1 || v > max) {
            out.add(new Problem(at, what + " " + v + " is out of range: "
                    + (max == 0 ? "this section has no " + plural : "this section has " + plural + " 1.." + max)));
            return false;
        }
        return true;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> orEmpty(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(orEmpty(v));
        }
        return out;
    }

    private static List<String> orEmptyList(List<String> values) {
        return values == null ? List.of() : orEmpty(values);
    }

    // ---- model -> file ----

    /** Whether the section's fields fit the field-by-field form (which always starts the header with Icon, Target). */
    private static boolean expressible(Section s) {
        if (s.header().size() < 2 || !s.header().subList(0, 2).equals(ICON_TARGET)) {
            return false;
        }
        for (Row r : s.rows()) {
            if (r.cells().size() != s.roleCount()) {
                return false;
            }
        }
        List<Integer> tankColumns = s.metadata().hasTankColumns() ? s.metadata().tankColumns() : List.of();
        for (int c : tankColumns) {
            if (c <= ICON_TARGET.size() || c > s.header().size()) {
                return false;
            }
        }
        for (int r : s.metadata().groupRows()) {
            if (r < 1 || r > s.rows().size()) {
                return false;
            }
        }
        return !s.name().isBlank() && s.name().indexOf('"') < 0;
    }

    private static SheetSection fields(Section s) {
        List<SheetRow> rows = new ArrayList<>(s.rows().size());
        for (Row r : s.rows()) {
            rows.add(new SheetRow(r.icon(), r.target(), r.cells()));
        }
        SectionMetadata m = s.metadata();
        List<Integer> tanks = m.hasTankColumns()
                ? m.tankColumns().stream().map(c -> c - ICON_TARGET.size()).toList() : null;
        return new SheetSection(s.name(), s.header().subList(ICON_TARGET.size(), s.header().size()), rows,
                nullIfEmpty(m.notes()), nullIfEmpty(m.warnings()), nullIfEmpty(m.guids()), tanks,
                m.groupRows(), s.needsProcessing(), null);
    }

    private static SheetSection lua(Section s) {
        String bytes = SectionText.write(s, 0);
        return new SheetSection(null, null, null, null, null, null, null, null, null,
                new String(ByteStrings.bytes(bytes), StandardCharsets.UTF_8));
    }

    private static <T> List<T> nullIfEmpty(List<T> values) {
        return values.isEmpty() ? null : values;
    }
}
