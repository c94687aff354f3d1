package org.syncsim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncsim.run.ResultFiles;
import org.syncsim.run.WorldFactory;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;

/**
 * A sweep file expanded into its points, each resolved and checked before anything runs, so that a bad file fails
 * at once with its file, line and field.
 *
 * <p>Seeds: with common random numbers (the default) every point runs the master seed, so replication r of every
 * point draws the same random numbers wherever its parameters do not change what is drawn; without, a point's seed
 * is a hash of the master seed and its parameter values. Either way a point's seeds depend on nothing but the master
 * seed and its own values, so adding or dropping points never changes another point's results.
 *
 * @param file the sweep file
 * @param points every point, grid order (first parameter outermost), then sample order
 * @param duplicates points that came out twice (an integer parameter rounding two samples alike), run once
 */
public record SweepPlan(SweepFile.Loaded file, List<SweepPoint> points, int duplicates) {

    /**
     * Expands {@code f}; {@code sets} apply to every point after the file's {@code set}, {@code replications} and
     * {@code seed} (if not null) replace the file's.
     *
     * @throws ScenarioException naming the file, line and field of the first problem
     */
    public static SweepPlan expand(SweepFile.Loaded f, List<String> sets, Integer replications, Long seed,
            WorldFactory worlds) {
        SweepFile s = f.sweep();
        check(f);
        String scenario = f.scenarioPath(s.scenario());
        LoadedScenario base = f.apply("/set", f.resolve("/scenario", s.scenario()), s.set());
        try {
            base = ScenarioLoader.override(base, sets);
        } catch (ScenarioException e) {
            throw new ScenarioException("--set: " + e.getMessage(), e);
        }
        long master = seed != null ? seed : s.seed();
        int reps = replications != null ? replications : s.replications();
        if (reps < 1) {
            throw new ScenarioException("--replications: expected at least 1, got " + reps);
        }
        List<String> common = new ArrayList<>(s.set());
        common.addAll(sets);

        List<Map<String, String>> combos = combinations(s);
        Set<String> seen = new LinkedHashSet<>();
        List<SweepPoint> points = new ArrayList<>();
        int duplicates = 0;
        for (Map<String, String> values : combos) {
            String key = String.join("\n", SweepPoint.assignments(values));
            if (!seen.add(key)) {
                duplicates++;
                continue;
            }
            LoadedScenario p = base;
            for (Map.Entry<String, String> e : values.entrySet()) {
                p = f.apply("/parameters/" + indexOf(s, e.getKey()), p, List.of(e.getKey() + "=" + e.getValue()));
            }
            long pointSeed = s.commonRandomNumbers() ? master : derivedSeed(master, key);
            List<String> runSets = List.of("run.seed=" + pointSeed, "run.replications=" + reps);
            p = f.apply("/seed", p, runSets);
            List<String> all = new ArrayList<>(common);
            all.addAll(SweepPoint.assignments(values));
            all.addAll(runSets);
            List<String> problems = worlds.unsupported(p);
            if (!problems.isEmpty()) {
                throw f.problemAt("/parameters", "the point " + String.join(", ", SweepPoint.assignments(values))
                        + " cannot be simulated: " + String.join("; ", problems));
            }
            points.add(new SweepPoint("p-" + ResultFiles.sha256(key).substring(0, 12), values, scenario, all, p));
        }
        return new SweepPlan(f, points, duplicates);
    }

    /** The parameters' values of every point: the grid crossed (first outermost), each combination with the sample. */
    static List<Map<String, String>> combinations(SweepFile s) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Parameter p : s.parameters()) {
            if (p.sampled()) {
                continue;
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> m : out) {
                for (String v : p.gridValues()) {
                    Map<String, String> c = new LinkedHashMap<>(m);
                    c.put(p.key(), v);
                    next.add(c);
                }
            }
            out = next;
        }
        List<Parameter> sampled = s.parameters().stream().filter(Parameter::sampled).toList();
        if (!sampled.isEmpty()) {
            double[][] u = s.sample().draw(sampled.size());
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> m : out) {
                for (double[] row : u) {
                    Map<String, String> c = new LinkedHashMap<>(m);
                    for (int d = 0; d < sampled.size(); d++) {
                        c.put(sampled.get(d).key(), sampled.get(d).at(row[d]));
                    }
                    next.add(c);
                }
            }
            out = next;
        }
        // back in the file's order of parameters, whichever way each was given
        List<Map<String, String>> ordered = new ArrayList<>();
        for (Map<String, String> m : out) {
            Map<String, String> c = new LinkedHashMap<>();
            s.parameters().forEach(p -> c.put(p.key(), m.get(p.key())));
            ordered.add(c);
        }
        return ordered;
    }

    /** A point's own master seed without common random numbers: from the sweep's and the point's values alone. */
    static long derivedSeed(long master, String assignments) {
        String h = ResultFiles.sha256(master + "\n" + assignments);
        return Long.parseUnsignedLong(h.substring(0, 16), 16) >>> 1;
    }

    private static int indexOf(SweepFile s, String key) {
        for (int i = 0; i < s.parameters().size(); i++) {
            if (s.parameters().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** The checks that need no scenario: the parameters' values, bounds and sample plan. */
    private static void check(SweepFile.Loaded f) {
        SweepFile s = f.sweep();
        if (s.scenario() == null) {
            throw f.problemAt("", "missing \"scenario:\" (a bundled scenario, syncsim list, or a scenario file)");
        }
        if (s.replications() < 1) {
            throw f.problemAt("/replications", "expected at least 1, got " + s.replications());
        }
        if (s.parameters().isEmpty()) {
            throw f.problemAt("", "missing or empty \"parameters:\"; a sweep varies at least one (docs/sweeps.md)");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < s.parameters().size(); i++) {
            checkParameter(f, "/parameters/" + i, s.parameters().get(i), keys);
        }
        boolean anySampled = s.parameters().stream().anyMatch(Parameter::sampled);
        SamplePlan sp = s.sample();
        if (anySampled && sp == null) {
            throw f.problemAt("",
                    "parameters with \"bounds:\" need \"sample:\" (plan: random or latin-hypercube, points: N)");
        }
        if (sp != null) {
            if (!anySampled) {
                throw f.problemAt("/sample", "no parameter gives \"bounds:\", so there is nothing to sample");
            }
            if (sp.plan() == null) {
                throw f.problemAt("/sample", "missing \"plan:\" (random or latin-hypercube)");
            }
            if (sp.points() == null || sp.points() < 1) {
                throw f.problemAt("/sample", "missing \"points:\", or fewer than 1");
            }
        }
    }

    private static void checkParameter(SweepFile.Loaded f, String at, Parameter p, Set<String> keys) {
        if (p.key() == null || p.key().isBlank()) {
            throw f.problemAt(at, "missing \"key:\" (a --set path, e.g. protocol.policies.backoff.base)");
        }
        if (!keys.add(p.key())) {
            throw f.problemAt(at + "/key", "'" + p.key() + "' is varied twice");
        }
        int ways = (p.values() != null ? 1 : 0) + (p.range() != null ? 1 : 0) + (p.logRange() != null ? 1 : 0)
                + (p.bounds() != null ? 1 : 0);
        if (ways != 1) {
            throw f.problemAt(at,
                    "give exactly one of \"values:\", \"range:\", \"log-range:\" or \"bounds:\" (got " + ways
                    + ")");
        }
        if (p.values() != null && p.values().isEmpty()) {
            throw f.problemAt(at + "/values", "empty; list at least one value");
        }
        if (p.range() != null) {
            Parameter.Range r = p.range();
            if (r.from() == null || r.to() == null || r.step() == null) {
                throw f.problemAt(at + "/range", "expected from, to and step");
            }
            if (!(r.step() > 0) || r.to() < r.from()) {
                throw f.problemAt(at + "/range",
                        "expected step > 0 and to >= from, got from " + r.from() + ", to " + r.to()
                        + ", step " + r.step());
            }
            if ((r.to() - r.from()) / r.step() > MAX_VALUES) {
                throw f.problemAt(at + "/range/step", "more than " + MAX_VALUES + " values; take a larger step");
            }
        }
        if (p.logRange() != null) {
            Parameter.LogRange r = p.logRange();
            if (r.from() == null || r.to() == null || r.points() == null) {
                throw f.problemAt(at + "/log-range", "expected from, to and points");
            }
            if (!(r.from() > 0) || !(r.to() > r.from()) || r.points() < 2 || r.points() > MAX_VALUES) {
                throw f.problemAt(at + "/log-range", "expected 0 < from < to and 2 to " + MAX_VALUES + " points");
            }
        }
        if (p.bounds() != null) {
            if (p.boundsProblem() != null) {
                throw f.problemAt(at + "/bounds", p.boundsProblem());
            }
        } else if (p.scale() != Parameter.Scale.LINEAR) {
            throw f.problemAt(at + "/scale", "only sampled parameters (\"bounds:\") have a scale");
        }
        if (p.values() != null && (p.integer() || !p.unit().isEmpty())) {
            throw f.problemAt(at,
                    "\"integer:\" and \"unit:\" format numbers of ranges and bounds; write listed values as"
                    + " they should be set, e.g. [2s, 5s]");
        }
    }

    /** Values one range or log range may give: a sweep is meant to be run, not to enumerate a continuum. */
    static final int MAX_VALUES = 10_000;
}
