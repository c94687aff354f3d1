package org.syncsim.tune;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncsim.metrics.Scalar;
import org.syncsim.protocol.plan.PolicyCatalog;
import org.syncsim.run.ResultFiles;
import org.syncsim.run.WorldFactory;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;
import org.syncsim.scenario.Span;
import org.syncsim.sweep.Parameter;

/**
 * A tune file checked and resolved before anything runs (so that a bad file fails at once with its file, line and
 * field), and the map from the optimiser's unit cube to scenarios: coordinate i in [0, 1] is parameter i's value
 * {@link Parameter#at}, and every point runs the file's seed and replications (common random numbers), so that
 * the differences between candidates pair.
 *
 * @param file the tune file
 * @param scenario the bundled scenario or file every point starts from
 * @param base that scenario with the file's {@code set} applied
 * @param start the start point in the unit cube
 * @param startFrom per parameter, where its start came from ({@code start}, {@code scenario} or {@code middle}, with
 *     a note when a scenario value outside the bounds was moved onto the nearest bound)
 * @param confirmSeed the fresh master seed of the final confirmation, derived from the file's seed
 */
public record TunePlan(TuneFile.Loaded file, String scenario, LoadedScenario base, double[] start,
        Map<String, String> startFrom, long confirmSeed) {
    private static final Set<String> TIME_UNITS = Set.of("us", "ms", "s", "m", "h");
    /** Directory of the search's evaluations. */
    public static final String EVALUATIONS = "evaluations";
    /** Directory of the confirmation's two points. */
    public static final String CONFIRMATION = "confirmation";

    public TunePlan {
        start = start.clone();
        startFrom = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startFrom));
    }

    /** The file's settings. */
    public TuneFile tune() {
        return file.tune();
    }

    /**
     * Checks and resolves {@code f}.
     *
     * @throws ScenarioException naming the file, line and field of the first problem
     */
    public static TunePlan expand(TuneFile.Loaded f, WorldFactory worlds) {
        TuneFile t = f.tune();
        check(f);
        String scenario = f.scenarioPath(t.scenario());
        LoadedScenario base = f.apply("/set", f.resolve("/scenario", t.scenario()), t.set());
        List<String> unsupported = worlds.unsupported(base);
        if (!unsupported.isEmpty()) {
            throw f.problemAt("/scenario", "cannot be simulated: " + String.join("; ", unsupported));
        }
        double[] start = new double[t.parameters().size()];
        Map<String, String> from = new LinkedHashMap<>();
        for (int i = 0; i < start.length; i++) {
            Parameter p = t.parameters().get(i);
            String at = "/parameters/" + i;
            for (double u : new double[] {0, 1}) {
                f.apply(at + "/bounds", base, List.of(p.key() + "=" + p.at(u)));
            }
            String given = t.start().get(p.key());
            if (given != null) {
                double u = unit(p, given);
                if (Double.isNaN(u)) {
                    throw f.problemAt("/start/" + p.key(), "'" + given + "' is not a number" + unitWords(p));
                }
                if (u < 0 || u > 1) {
                    throw f.problemAt("/start/" + p.key(),
                            given + " is outside the bounds " + p.format(p.bounds().get(0))
                            + " .. " + p.format(p.bounds().get(1)));
                }
                start[i] = u;
                from.put(p.key(), "start");
                continue;
            }
            String own = scenarioValue(base, p.key());
            double u = own == null ? Double.NaN : unit(p, own);
            if (Double.isNaN(u)) {
                start[i] = 0.5;
                from.put(p.key(), "middle");
            } else {
                start[i] = Math.max(0, Math.min(1, u));
                from.put(p.key(), u < 0 || u > 1 ? "scenario (" + own + ", outside the bounds: the nearest bound)"
                        : "scenario");
            }
        }
        for (String key : t.start().keySet()) {
            if (t.parameters().stream().noneMatch(p -> p.key().equals(key))) {
                throw f.problemAt("/start/" + key,
                        "no parameter '" + key + "'; start values are given per parameter key");
            }
        }
        return new TunePlan(f, scenario, base, start, from, confirmSeed(t.seed()));
    }

    /** The values of the point at {@code u} of the unit cube, per parameter key in the file's order. */
    public Map<String, String> values(double[] u) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < u.length; i++) {
            Parameter p = tune().parameters().get(i);
            v.put(p.key(), p.at(u[i]));
        }
        return v;
    }

    /** The search's point with these values, on the file's seed and replications. */
    public TunePoint evaluation(Map<String, String> values) {
        return point(EVALUATIONS, values, tune().seed(), tune().replications());
    }

    /** The confirmation's point with these values, on the fresh seed and the confirmation's replications. */
    public TunePoint confirmation(Map<String, String> values) {
        return point(CONFIRMATION, values, confirmSeed, tune().confirmReplications());
    }

    private TunePoint point(String dir, Map<String, String> values, long seed, int replications) {
        List<String> own = new ArrayList<>();
        values.forEach((k, v) -> own.add(k + "=" + v));
        own.add("run.seed=" + seed);
        own.add("run.replications=" + replications);
        List<String> all = new ArrayList<>(tune().set());
        all.addAll(own);
        LoadedScenario resolved;
        try {
            resolved = ScenarioLoader.override(base, own);
        } catch (ScenarioException e) {
            throw new ScenarioException(file.source() + ": parameters " + values + ": "
                    + ScenarioLoader.overrideProblem(e), e);
        }
        return new TunePoint("t-" + ResultFiles.sha256(String.join("\n", all)).substring(0, 12), dir, values,
                scenario, all, resolved);
    }

    /**
     * The fresh seed of the confirmation: a hash of the file's seed, so it is the same on every rerun and shares no
     * replication with the search's seed.
     */
    static long confirmSeed(long seed) {
        long h = Long.parseUnsignedLong(ResultFiles.sha256("confirmation\n" + seed).substring(0, 15), 16);
        long s = 1 + Math.floorMod(h, 2_000_000_000L);
        return s == seed ? s + 1 : s;
    }

    /** Whether {@code key} names a metric of {@code summary.json}: a scalar, or a per-command count like sent_messages.BSTR. */
    static boolean knownMetric(String key) {
        for (Scalar s : Scalar.values()) {
            if (s.key().equals(key) || s.perCommand() && key.matches(java.util.regex.Pattern.quote(s.key())
                    + "\\.[A-Z]+")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code key} is a per-command count (0 in a replication where nobody sent the command). */
    static boolean perCommand(String key) {
        for (Scalar s : Scalar.values()) {
            if (s.perCommand() && key.startsWith(s.key() + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where {@code value} lies in {@code p}'s bounds (0 the low bound, 1 the high; outside [0, 1] outside them),
     * read in the parameter's unit (a time in any unit when the parameter's unit is one); NaN when not a number.
     */
    static double unit(Parameter p, String value) {
        double v = number(p, value.trim());
        if (Double.isNaN(v)) {
            return v;
        }
        double lo = p.bounds().get(0);
        double hi = p.bounds().get(1);
        if (p.scale() == Parameter.Scale.LOG) {
            return v <= 0 ? -1 : (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
        }
        return (v - lo) / (hi - lo);
    }

    private static double number(Parameter p, String value) {
        if (TIME_UNITS.contains(p.unit()) && value.matches(Span.PATTERN)) {
            return Span.parse(value).micros() / (double) Span.parse("1" + p.unit()).micros();
        }
        String n = value.endsWith(p.unit()) ? value.substring(0, value.length() - p.unit().length()) : value;
        try {
            return Double.parseDouble(n.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String unitWords(Parameter p) {
        return p.unit().isEmpty() ? "" : " in " + p.unit() + " (e.g. " + p.format(p.bounds().get(0)) + ")";
    }

    /**
     * The scenario's own value at a {@code --set} key: the field if the scenario has it, else for a policy
     * parameter ({@code protocol.policies.<policy>.<param>}) the default of the kind the scenario sets (or the
     * recommended kind); null when neither says.
     */
    static String scenarioValue(LoadedScenario s, String key) {
        JsonNode tree = ScenarioLoader.json().valueToTree(s.scenario());
        JsonNode node = tree.at("/" + key.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/'));
        if (node.isValueNode() && !node.isNull()) {
            return node.asText();
        }
        String[] parts = key.split("\\.");
        if (parts.length == 4 && parts[0].equals("protocol") && parts[1].equals("policies")) {
            PolicyCatalog.Policy policy = PolicyCatalog.policy(parts[2]);
            if (policy == null) {
                return null;
            }
            JsonNode setting = tree.at("/protocol/policies/" + parts[2]);
            String kind = setting.isTextual() ? setting.asText() : setting.path("kind").isTextual()
                    ? setting.path("kind").asText() : "off".equals(tree.at("/protocol/policies/"
                            + PolicyCatalog.DEFAULT_KEY).asText()) ? policy.kinds().get(0).name() : policy.recommended();
            PolicyCatalog.Kind k = policy.kind(kind);
            if (k == null) {
                return null;
            }
            return k.params().stream().filter(x -> x.name().equals(parts[3])).map(PolicyCatalog.Param::defaultValue)
                    .findFirst().orElse(null);
        }
        return null;
    }

    /** The checks that need no scenario. */
    private static void check(TuneFile.Loaded f) {
        TuneFile t = f.tune();
        if (t.scenario() == null) {
            throw f.problemAt("", "missing \"scenario:\" (a bundled scenario, syncsim list, or a scenario file)");
        }
        if (t.replications() < 2) {
            throw f.problemAt("/replications",
                    "expected at least 2 (an interval needs two seeds), got " + t.replications());
        }
        if (t.confirmReplications() < 2) {
            throw f.problemAt("/confirm-replications", "expected at least 2 (an interval needs two seeds), got "
                    + t.confirmReplications());
        }
        if (t.objective() == null) {
            throw f.problemAt("", "missing \"objective:\" (e.g. {metric: time_to_sync_p95_s, goal: minimise})");
        }
        checkMetric(f, "/objective", t.objective().metric());
        for (int i = 0; i < t.constraints().size(); i++) {
            TuneFile.Constraint c = t.constraints().get(i);
            checkMetric(f, "/constraints/" + i, c.metric());
            if (c.max() == null && c.min() == null) {
                throw f.problemAt("/constraints/" + i, "give \"max:\", \"min:\" or both");
            }
            if (c.max() != null && c.min() != null && c.min() > c.max()) {
                throw f.problemAt("/constraints/" + i + "/min", "min " + c.min() + " is above max " + c.max());
            }
        }
        if (t.parameters().isEmpty()) {
            throw f.problemAt("", "missing or empty \"parameters:\"; the tuner moves at least one (docs/tuning.md)");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < t.parameters().size(); i++) {
            checkParameter(f, "/parameters/" + i, t.parameters().get(i), keys);
        }
        if (t.budget() < 1) {
            throw f.problemAt("/budget", "expected at least 1 evaluation, got " + t.budget());
        }
        if (t.budget() > MAX_BUDGET) {
            throw f.problemAt("/budget", "more than " + MAX_BUDGET + " evaluations; a tune is meant to finish");
        }
        TuneFile.Optimiser o = t.optimiser();
        if (o.population() != null && (o.population() < 2 || o.population() > MAX_BUDGET)) {
            throw f.problemAt("/optimiser/population", "expected 2 to " + MAX_BUDGET + ", got " + o.population());
        }
        if (!(o.sigma() > 0 && o.sigma() <= 1)) {
            throw f.problemAt("/optimiser/sigma",
                    "expected a share of the range above 0 and at most 1, got " + o.sigma());
        }
    }

    /** Most evaluations one tune may spend. */
    static final int MAX_BUDGET = 10_000;

    private static void checkMetric(TuneFile.Loaded f, String at, String metric) {
        if (metric == null) {
            throw f.problemAt(at, "missing \"metric:\" (a key of summary.json, e.g. " + Scalar.TIME_TO_SYNC_P95_S.key()
                    + ")");
        }
        if (!knownMetric(metric)) {
            List<String> keys = java.util.Arrays.stream(Scalar.values()).map(Scalar::key).toList();
            throw f.problemAt(at + "/metric", "no metric '" + metric + "'" + ScenarioLoader.suggestion(metric, keys)
                    + "; expected one of " + String.join(", ", keys));
        }
    }

    private static void checkParameter(TuneFile.Loaded f, String at, Parameter p, Set<String> keys) {
        if (p.key() == null || p.key().isBlank()) {
            throw f.problemAt(at, "missing \"key:\" (a --set path, e.g. protocol.policies.backoff.base)");
        }
        if (!keys.add(p.key())) {
            throw f.problemAt(at + "/key", "'" + p.key() + "' is tuned twice");
        }
        if (p.values() != null || p.range() != null || p.logRange() != null) {
            throw f.problemAt(at,
                    "the tuner moves a parameter within \"bounds: [low, high]\"; values, range and log-range"
                    + " are for sweeps");
        }
        if (p.bounds() == null) {
            throw f.problemAt(at, "missing \"bounds: [low, high]\"");
        }
        if (p.boundsProblem() != null) {
            throw f.problemAt(at + "/bounds", p.boundsProblem());
        }
    }
}
