package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.syncsim.protocol.data.AssignmentSet;

/**
 * Reads scenario files (YAML, or JSON for {@code .json} files) into a {@link LoadedScenario}, checking types,
 * field names and meaning. Every error names the file, line, column and field and says what was expected.
 */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = configure(YAMLMapper.builder(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID) // timeline entries as "do: join", as users write them
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());
    private static final ObjectMapper JSON = configure(JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build());

    private ScenarioLoader() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        m.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    /** The mapper for YAML scenario text (kebab-case field names, strict). */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /** The mapper for JSON scenario text (kebab-case field names, strict). */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Loads and checks a scenario file. */
    public static LoadedScenario load(Path file) {
        String text = readText(file, "scenario");
        return load(file.toString(), text, defaultName(file.getFileName().toString()));
    }

    /**
     * The UTF-8 text of a {@code what} file ("scenario", "sheet"), with a sentence instead of the JDK's for the
     * usual mistakes: a missing file, a directory, a binary file ({@code Input length = 1} from the decoder).
     */
    public static String readText(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new ScenarioException(file + ": is a directory; expected a " + what + " file (YAML or JSON text)");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such " + ("scenario".equals(what) ? "" : what + " ") + "file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ScenarioException(file + ": not UTF-8 text (a binary file?); expected a " + what
                    + " file in YAML or JSON", e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads and checks scenario text; {@code source} names it in messages ({@code .json} means JSON). */
    public static LoadedScenario load(String source, String text, String defaultName) {
        ObjectMapper mapper = mapperFor(source);
        Scenario s;
        try {
            JsonNode doc = mapper.readTree(text);
            boolean empty = doc == null || doc.isMissingNode() || doc.isNull(); // e.g. only comments: all defaults
            s = empty ? null : mapper.readValue(text, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(describe(source, text, mapper.getFactory(), e), e);
        }
        List<String> warnings = new ArrayList<>();
        if (s == null) {
            s = new Scenario(null, null, null, null, null, null, null, null);
            warnings.add(source + ": the file sets nothing (it is empty or only comments), so it is the default"
                    + " scenario: 40 members holding the same data, no timeline");
        }
        String summary = commentSummary(text);
        s = s.named(s.name() != null ? s.name() : defaultName,
                s.description() != null ? s.description() : summary);
        LoadedScenario loaded = check(source, source, text, mapper.getFactory(), s);
        if (warnings.isEmpty()) {
            return loaded;
        }
        warnings.addAll(loaded.warnings());
        return loaded.withWarnings(warnings);
    }

    /**
     * Applies {@code path=value} overrides (paths as in messages: {@code run.seed}, {@code timeline[0].t},
     * {@code channel.latency.median}) and checks the result again. Values are read as YAML scalars or flow
     * collections ({@code 5}, {@code 5s}, {@code true}, {@code [1, 2]}, {@code {model: fixed}}).
     */
    public static LoadedScenario override(LoadedScenario base, List<String> assignments) {
        if (assignments.isEmpty()) {
            return base;
        }
        ObjectMapper mapper = mapperFor(base.source());
        ObjectNode tree = mapper.valueToTree(base.scenario());
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new ScenarioException("--set " + a + ": expected path=value, e.g. run.seed=7 or raid.size=20");
            }
            String path = a.substring(0, eq).trim();
            String raw = a.substring(eq + 1);
            if (raw.isBlank()) {
                throw new ScenarioException("--set " + a + ": no value after '='; give one, e.g. " + path
                        + "=20, or '' for an empty text");
            }
            JsonNode value;
            try {
                value = YAML.readTree(raw);
            } catch (JsonProcessingException e) {
                throw new ScenarioException("--set " + a + ": cannot read the value: " + e.getOriginalMessage());
            }
            set(tree, path, value, a);
            if (path.equals("data.file") && tree.get("data") instanceof ObjectNode data) {
                // a sheet from a file replaces the generated one, whose shape the base scenario filled in
                data.remove(List.of("sections", "rows", "columns", "seed"));
            }
        }
        Scenario s;
        try {
            s = mapper.treeToValue(tree, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("--set: " + describeWithoutLocation(e), e);
        }
        String source = base.source().endsWith(WITH_SET) ? base.source() : base.source() + WITH_SET;
        return check(source, base.source(), null, mapper.getFactory(), s);
    }

    /** What {@link #override} appends to the scenario's source in its problems (once, however often applied). */
    private static final String WITH_SET = " (with --set)";

    /**
     * The problems of {@link #override} without the scenario's name each line starts with, one after another, for a
     * file that locates them at its own line (a sweep or tune file naming the scenario and its overrides).
     */
    public static String overrideProblem(ScenarioException e) {
        String prefix = WITH_SET + ": ";
        return e.getMessage().lines().map(line -> {
            int cut = line.lastIndexOf(prefix);
            return cut < 0 ? line : line.substring(cut + prefix.length());
        }).collect(Collectors.joining("; "));
    }

    /**
     * Reads another SyncSim YAML document (a design matrix) with the scenarios' strict mapper, so that a bad field
     * or value is reported as a scenario's is: {@code source:line:column: field: message}.
     */
    public static <T> T readDocument(String source, String text, Class<T> type) {
        try {
            return YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(describe(source, text, YAML.getFactory(), e), e);
        }
    }

    /** A problem at a JSON pointer of a YAML document, located as the loader locates a scenario's problems. */
    public static ScenarioException problemAt(String source, String text, String pointer, String message) {
        return new ScenarioException(report(source, text, YAML.getFactory(), List.of(new Problem(pointer, message))));
    }

    /** Writes a scenario back as YAML (every default filled in). */
    public static String toYaml(Scenario s) {
        try {
            return YAML.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of the file's leading comment block, without the {@code #}. */
    public static String commentSummary(String text) {
        for (String line : text.split("\r?\n")) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.startsWith("#")) {
                return null;
            }
            String c = t.replaceFirst("^#+\\s*", "");
            if (!c.isEmpty()) {
                return c;
            }
        }
        return null;
    }

    static String defaultName(String fileName) {
        return fileName.replaceFirst("\\.(ya?ml|json)$", "");
    }

    static ObjectMapper mapperFor(String source) {
        return source.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }

    /**
     * Checks a parsed scenario and loads its sheet file, if any; {@code origin} is where the scenario came from
     * (a path or {@code bundled:NAME}), against which {@code data.file} is resolved.
     */
    private static LoadedScenario check(String source, String origin, String text, JsonFactory factory, Scenario s) {
        List<Problem> problems = new ArrayList<>();
        AssignmentSet sheet = s.data().file() == null ? null : SheetFiles.load(origin, s.data().file(), problems);
        int sections = sheet != null ? sheet.size() : s.data().sections() != null ? s.data().sections() : 0;
        List<RosterEntry> roster = ScenarioValidator.validate(s, sections, problems);
        List<TimedAction> timeline = problems.isEmpty() ? ScenarioValidator.resolveTimeline(s, problems) : List.of();
        if (!problems.isEmpty()) {
            throw new ScenarioException(report(source, text, factory, problems));
        }
        return new LoadedScenario(source, text, s, roster, timeline,
                s.description() != null ? s.description() : "", sheet,
                sheet == null ? null : SheetFiles.onDisk(origin, s.data().file()),
                ScenarioValidator.warnings(source, s));
    }

    /** One line per problem: {@code source:line:column: field: message} (no location when {@code text} is null). */
    static String report(String source, String text, JsonFactory factory, List<Problem> problems) {
        return problems.stream().map(p -> {
            String where = text == null ? null : Locator.locate(factory, text, p.pointer());
            return source + (where == null ? "" : ":" + where) + ": " + Problem.dotted(p.pointer()) + ": "
                    + p.message();
        }).collect(Collectors.joining("\n"));
    }

    // ---- --set ----

    private static void set(ObjectNode root, String path, JsonNode value, String assignment) {
        List<Object> segs = parsePath(path, assignment);
        JsonNode node = root;
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < segs.size(); i++) {
            Object seg = segs.get(i);
            boolean last = i == segs.size() - 1;
            if (seg instanceof String field) {
                if (!(node instanceof ObjectNode obj)) {
                    throw new ScenarioException("--set " + assignment + ": " + (seen.length() == 0 ? "(top)" : seen)
                            + " is not a mapping, so it has no field \"" + field + "\"");
                }
                if (last) {
                    obj.set(field, value);
                    return;
                }
                JsonNode next = obj.get(field);
                if (next == null || next.isNull()) {
                    next = segs.get(i + 1) instanceof Integer ? obj.putArray(field) : obj.putObject(field);
                }
                node = next;
                seen.append(seen.length() == 0 ? "" : ".").append(field);
            } else {
                int idx = (Integer) seg;
                if (!(node instanceof ArrayNode arr)) {
                    throw new ScenarioException("--set " + assignment + ": " + seen + " is not a list");
                }
                if (idx >= arr.size()) {
                    throw new ScenarioException("--set " + assignment + ": " + seen + " has " + arr.size()
                            + " entries (indexes 0.." + (arr.size() - 1) + ")");
                }
                if (last) {
                    arr.set(idx, value);
                    return;
                }
                node = arr.get(idx);
                seen.append('[').append(idx).append(']');
            }
        }
    }

    private static List<Object> parsePath(String path, String assignment) {
        List<Object> segs = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9-]*)((?:\\[[0-9]+\\])*)")
                    .matcher(part);
            if (!m.matches()) {
                throw new ScenarioException("--set " + assignment + ": bad path \"" + path
                        + "\": expected fields separated by dots, with [n] for list entries, e.g. timeline[0].t");
            }
            segs.add(m.group(1));
            java.util.regex.Matcher idx = java.util.regex.Pattern.compile("\\[([0-9]+)\\]").matcher(m.group(2));
            while (idx.find()) {
                segs.add(Integer.parseInt(idx.group(1)));
            }
        }
        return segs;
    }

    // ---- Jackson errors into sentences ----

    /**
     * The error with its place: for a mapping error, where the offending field or value is written (Jackson's
     * own location is where the parser stopped, which for YAML is often the next line); else the parser's.
     */
    static String describe(String source, String text, JsonFactory factory, JsonProcessingException e) {
        com.fasterxml.jackson.core.exc.StreamReadException syntax = syntaxError(e);
        org.yaml.snakeyaml.error.MarkedYAMLException yamlError = yamlError(e);
        if (yamlError != null && yamlError.getProblemMark() != null && isTab(yamlError)) {
            // the tab is at SnakeYAML's problem mark; Jackson reports where the scan began, often the line above
            org.yaml.snakeyaml.error.Mark mark = yamlError.getProblemMark();
            return source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": not valid YAML/JSON: a"
                    + " tab character: YAML indents with spaces only; replace the tab with spaces";
        }
        if (syntax != null) {
            JsonLocation loc = syntax.getLocation();
            String at = loc == null || loc.getLineNr() < 0 ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            return source + at + ": not valid YAML/JSON: " + syntax.getOriginalMessage().replaceAll("\\s+", " ");
        }
        String where = null;
        if (e instanceof JsonMappingException me && !me.getPath().isEmpty()) {
            where = Locator.locate(factory, text, pointerOf(me.getPath()));
        }
        if (where == null) {
            JsonLocation loc = e.getLocation();
            where = loc == null || loc.getLineNr() < 0 ? null : loc.getLineNr() + ":" + loc.getColumnNr();
        }
        return source + (where == null ? "" : ":" + where) + ": " + describeWithoutLocation(e);
    }

    private static org.yaml.snakeyaml.error.MarkedYAMLException yamlError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    /** Whether SnakeYAML refused a tab (it cannot start a token, so it cannot indent). */
    private static boolean isTab(org.yaml.snakeyaml.error.MarkedYAMLException e) {
        return e.getProblem() != null && e.getProblem().contains("\\t(TAB)");
    }

    private static String pointerOf(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                b.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                b.append('/').append(r.getIndex());
            }
        }
        return b.toString();
    }

    private static com.fasterxml.jackson.core.exc.StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.exc.StreamReadException sre && !(t instanceof JsonMappingException)) {
                return sre;
            }
        }
        return null;
    }

    static String describeWithoutLocation(JsonProcessingException e) {
        com.fasterxml.jackson.core.exc.StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            return "not valid YAML/JSON: " + syntax.getOriginalMessage().replaceAll("\\s+", " ");
        }
        if (!(e instanceof JsonMappingException me)) {
            return "not valid YAML/JSON: " + e.getOriginalMessage();
        }
        String path = pathOf(me);
        String prefix = path.isEmpty() ? "" : path + ": ";
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            String field = u.getPropertyName();
            String parent = pathOf(u.getPath().subList(0, Math.max(0, u.getPath().size() - 1)));
            return (parent.isEmpty() ? "" : parent + ": ") + "unknown field \"" + field + "\"" + suggestion(field, known)
                    + "; valid fields here: " + String.join(", ", known);
        }
        if (e instanceof InvalidTypeIdException t) {
            Class<?> base = t.getBaseType().getRawClass();
            List<String> names = subtypeNames(base);
            String prop = typeProperty(base);
            if (t.getTypeId() == null) {
                return prefix + "missing \"" + prop + ":\"; expected one of " + String.join(", ", names);
            }
            return prefix + "unknown " + prop + " \"" + t.getTypeId() + "\"" + suggestion(t.getTypeId(), names)
                    + "; expected one of " + String.join(", ", names);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable c = v.getCause() != null ? v.getCause() : v;
            return prefix + c.getMessage();
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            List<String> names = enumNames(f.getTargetType());
            String got = String.valueOf(f.getValue());
            return prefix + "expected one of " + String.join(", ", names) + ", got \"" + got + "\""
                    + suggestion(got, names);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return prefix + "expected " + expected(m.getTargetType()) + gotToken(m);
        }
        return prefix + me.getOriginalMessage();
    }

    private static String gotToken(MismatchedInputException m) {
        Object proc = m.getProcessor();
        if (proc instanceof JsonParser p && p.currentToken() != null) {
            try {
                return switch (p.currentToken()) {
                    case START_OBJECT -> ", got a mapping";
                    case START_ARRAY -> ", got a list";
                    case VALUE_STRING -> ", got \"" + p.getText() + "\"";
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> ", got " + p.getText();
                    case VALUE_NULL -> ", got nothing";
                    default -> "";
                };
            } catch (IOException ex) {
                return "";
            }
        }
        return "";
    }

    static String expected(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "a whole number";
        }
        if (t == Double.class || t == double.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "text";
        }
        if (t == Span.class) {
            return "a time with a unit, like 12.5s, 250ms or 2m (units us, ms, s, m, h)";
        }
        if (t == ClockOffset.class) {
            return "a signed time like -90s or +2m";
        }
        if (t == StopCondition.class) {
            return "all-synced, quiet-for <time> or t <time>";
        }
        if (List.class.isAssignableFrom(t) || Collection.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (t.isEnum()) {
            return "one of " + String.join(", ", enumNames(t));
        }
        return "a mapping of fields (" + t.getSimpleName() + ")";
    }

    private static String pathOf(JsonMappingException e) {
        return pathOf(e.getPath());
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** {@code ; did you mean "x"?} if one name is close to {@code got}. */
    public static String suggestion(String got, Collection<String> names) {
        String best = closest(got, names);
        return best == null ? "" : "; did you mean \"" + best + "\"?";
    }

    /** The name nearest to {@code got} by Levenshtein distance, if near enough to be a likely typo. */
    static String closest(String got, Collection<String> names) {
        LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
        String lower = got.toLowerCase(Locale.ROOT);
        return names.stream()
                .map(n -> java.util.Map.entry(n, lev.apply(lower, n.toLowerCase(Locale.ROOT))))
                .filter(en -> en.getValue() <= Math.max(2, en.getKey().length() / 3))
                .min(Comparator.comparingInt((java.util.Map.Entry<String, Integer> en) -> en.getValue())
                        .thenComparing(java.util.Map.Entry::getKey))
                .map(java.util.Map.Entry::getKey)
                .orElse(null);
    }

    static List<String> subtypeNames(Class<?> base) {
        JsonSubTypes st = base.getAnnotation(JsonSubTypes.class);
        return st == null ? List.of() : Arrays.stream(st.value()).map(JsonSubTypes.Type::name).toList();
    }

    private static String typeProperty(Class<?> base) {
        JsonTypeInfo ti = base.getAnnotation(JsonTypeInfo.class);
        return ti == null ? "type" : ti.property();
    }

    static List<String> enumNames(Class<?> enumType) {
        List<String> out = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            out.add(YAML.convertValue(c, String.class));
        }
        return out;
    }
}
