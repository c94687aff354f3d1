package org.syncsim.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncsim.protocol.plan.PolicyCatalog;
import org.syncsim.report.design.BaseScenario;
import org.syncsim.report.design.ConfigInfo;
import org.syncsim.run.WorldFactory;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;

/**
 * A matrix expanded into its cells, every one resolved and checked before anything runs, so that a bad matrix
 * fails at once with its file, line and field. Cells the simulator cannot run (a feature the {@code seed} profile
 * lacks) are kept aside with the reason, for the page to list.
 *
 * @param matrix the matrix
 * @param bases the base scenarios in grid order
 * @param cells every runnable cell, base by base, configurations in matrix order
 * @param skipped cells not simulated, with why
 */
public record DesignPlan(DesignMatrix.Loaded matrix, List<BaseScenario> bases, List<DesignCell> cells,
        Map<String, String> skipped) {
    private static final String ID = "[a-z0-9][a-z0-9-]*";

    /**
     * Expands {@code m}; {@code sets} apply to every cell before its configuration, {@code replications} and
     * {@code seed} (if not null) replace the matrix's.
     *
     * @throws ScenarioException naming the file, line and field of the first problem
     */
    public static DesignPlan expand(DesignMatrix.Loaded m, List<String> sets, Integer replications, Long seed,
            WorldFactory worlds) {
        DesignMatrix x = m.matrix();
        check(m);
        List<String> crn = List.of("run.seed=" + (seed != null ? seed : x.seed()),
                "run.replications=" + (replications != null ? replications : x.replications()));
        List<BaseScenario> bases = new ArrayList<>();
        List<DesignCell> cells = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (int g = 0; g < x.grid().size(); g++) {
            DesignMatrix.Grid line = x.grid().get(g);
            for (String ev : pick(m, line.events(), x.events().keySet(), "/grid/" + g + "/events")) {
                for (Integer size : pickSizes(m, line.raidSizes(), g)) {
                    for (String sh : pick(m, line.sheets(), x.sheets().keySet(), "/grid/" + g + "/sheets")) {
                        for (String nw : pick(m, line.networks(), x.networks().keySet(), "/grid/" + g + "/networks")) {
                            String id = ev + "-" + size + "-" + sh + "-" + nw;
                            if (bases.stream().anyMatch(b -> b.id().equals(id))) {
                                continue;
                            }
                            BaseScenario base = new BaseScenario(id, ev, label(x.events().get(ev).label(), ev),
                                    size, sh, label(x.sheets().get(sh).label(), sh), nw,
                                    label(x.networks().get(nw).label(), nw));
                            bases.add(base);
                            expandBase(m, base, sets, crn, worlds, cells, skipped);
                        }
                    }
                }
            }
        }
        if (x.focus() != null && bases.stream().noneMatch(b -> b.id().equals(x.focus()))) {
            throw m.problemAt("/focus", "no base scenario '" + x.focus()
                    + "' in the grid; the ids are <event>-<size>-<sheet>-<network>, e.g. " + bases.get(0).id());
        }
        return new DesignPlan(m, bases, cells, skipped);
    }

    /** The base scenario the charts show: the matrix's {@code focus}, else the first. */
    public BaseScenario focus() {
        String f = matrix.matrix().focus();
        return bases.stream().filter(b -> f == null || b.id().equals(f)).findFirst().orElseThrow();
    }

    /** The configurations as the page shows them, with the overrides each adds (a roll-out's member list in words). */
    public List<ConfigInfo> configurations() {
        List<ConfigInfo> out = new ArrayList<>();
        for (DesignMatrix.Configuration c : matrix.matrix().configurations()) {
            PolicyCatalog.Policy p = c.policy() == null ? null : PolicyCatalog.policy(c.policy());
            List<String> o = new ArrayList<>(policyOverrides(c));
            if (c.rollout() != null) {
                o.add("raid.members=[every member, profile: plan on " + Math.round(100 * c.rollout())
                        + " % of them spread over the roster] (the cells' commands list them)");
            }
            o.addAll(c.set());
            Double share = c.rollout() != null ? c.rollout()
                    : p == null && c.set().contains("protocol.profile=plan") ? Double.valueOf(1) : null;
            out.add(new ConfigInfo(c.id(), c.name(), c.policy(), p == null ? null
                    : c.kind() != null ? c.kind() : p.recommended(), p == null ? null : p.targets(), share, o));
        }
        return out;
    }

    private static void expandBase(DesignMatrix.Loaded m, BaseScenario base, List<String> sets,
            List<String> crn, WorldFactory worlds, List<DesignCell> cells, Map<String, String> skipped) {
        DesignMatrix x = m.matrix();
        DesignMatrix.Event ev = x.events().get(base.event());
        String scenario = m.scenarioPath(ev.scenario());
        LoadedScenario s = m.resolve("/events/" + base.event() + "/scenario", scenario);
        List<String> common = new ArrayList<>(ev.set());
        s = m.apply("/events/" + base.event() + "/set", s, ev.set());
        common.add("raid.size=" + base.raidSize());
        s = m.apply("/raid-sizes", s, List.of("raid.size=" + base.raidSize()));
        s = variant(m, "/sheets/" + base.sheet(), x.sheets().get(base.sheet()), s, common);
        s = variant(m, "/networks/" + base.network(), x.networks().get(base.network()), s, common);
        common.addAll(sets);
        s = m.apply("/", s, sets);
        for (int c = 0; c < x.configurations().size(); c++) {
            DesignMatrix.Configuration conf = x.configurations().get(c);
            List<String> own = configOverrides(conf, s);
            List<String> all = new ArrayList<>(common);
            all.addAll(own);
            all.addAll(crn);
            LoadedScenario cs = m.apply("/configurations/" + c, s, own);
            cs = m.apply("/configurations/" + c, cs, crn);
            DesignCell cell = new DesignCell(base.id() + "--" + conf.id(), base, conf.id(), scenario, all, cs);
            List<String> problems = worlds.unsupported(cs);
            if (problems.isEmpty()) {
                cells.add(cell);
            } else {
                skipped.put(cell.id(), String.join("; ", problems));
            }
        }
    }

    /** Applies a sheet or network: its overrides, then its appended list entries as one override per list. */
    private static LoadedScenario variant(DesignMatrix.Loaded m, String pointer, DesignMatrix.Variant v,
            LoadedScenario s, List<String> common) {
        LoadedScenario out = m.apply(pointer + "/set", s, v.set());
        common.addAll(v.set());
        for (Map.Entry<String, List<JsonNode>> e : v.append().entrySet()) {
            JsonNode tree = ScenarioLoader.json().valueToTree(out.scenario());
            JsonNode list = tree.at("/" + e.getKey().replace('.', '/'));
            ArrayNode joined = ScenarioLoader.json().createArrayNode();
            if (list.isArray()) {
                joined.addAll((ArrayNode) list);
            } else if (!list.isMissingNode() && !list.isNull()) {
                throw m.problemAt(pointer + "/append/" + e.getKey(),
                        e.getKey() + " is not a list in the event's scenario, so nothing can be appended to it");
            }
            e.getValue().forEach(joined::add);
            String o = e.getKey() + "=" + compact(joined);
            out = m.apply(pointer + "/append/" + e.getKey(), out, List.of(o));
            common.add(o);
        }
        return out;
    }

    /** The overrides a configuration adds to its base scenario. */
    private static List<String> configOverrides(DesignMatrix.Configuration c, LoadedScenario s) {
        List<String> o = new ArrayList<>(policyOverrides(c));
        if (c.rollout() != null) {
            o.add("raid.members=" + compact(rolloutMembers(s, c.rollout())));
        }
        o.addAll(c.set());
        return o;
    }

    /** What switching one policy on alone sets: plan, every other policy off, this one at its kind. */
    private static List<String> policyOverrides(DesignMatrix.Configuration c) {
        if (c.policy() == null) {
            return List.of();
        }
        PolicyCatalog.Policy p = PolicyCatalog.policy(c.policy());
        return List.of("protocol.profile=plan", "protocol.policies." + PolicyCatalog.DEFAULT_KEY + "=off",
                "protocol.policies." + p.name() + "=" + (c.kind() != null ? c.kind() : p.recommended()));
    }

    /**
     * The raid's member list with {@code profile: plan} on an evenly spread {@code fraction} of the roster (member i
     * when ⌊(i+1)·f⌋ &gt; ⌊i·f⌋), listing generated members by their generated names so that nothing else moves.
     */
    static ArrayNode rolloutMembers(LoadedScenario s, double fraction) {
        JsonNode explicit = ScenarioLoader.json().valueToTree(s.scenario()).at("/raid/members");
        ArrayNode out = ScenarioLoader.json().createArrayNode();
        int last = -1;
        for (int i = 0; i < s.roster().size(); i++) {
            if (Math.floor((i + 1) * fraction) > Math.floor(i * fraction)) {
                last = i;
            }
        }
        int n = Math.max(last + 1, explicit.isArray() ? explicit.size() : 0);
        for (int i = 0; i < n; i++) {
            ObjectNode e = explicit.isArray() && i < explicit.size() ? (ObjectNode) explicit.get(i).deepCopy()
                    : ScenarioLoader.json().createObjectNode().put("name", s.roster().get(i).name());
            if (Math.floor((i + 1) * fraction) > Math.floor(i * fraction)) {
                e.put("profile", "plan");
            }
            out.add(e);
        }
        return out;
    }

    private static String compact(JsonNode n) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static String label(String label, String key) {
        return label != null ? label : key;
    }

    private static List<String> pick(DesignMatrix.Loaded m, List<String> chosen, java.util.Set<String> all,
            String pointer) {
        if (chosen == null) {
            return List.copyOf(all);
        }
        for (int i = 0; i < chosen.size(); i++) {
            if (!all.contains(chosen.get(i))) {
                throw m.problemAt(pointer + "/" + i, "no '" + chosen.get(i)
                        + "' defined; expected one of " + String.join(", ", all));
            }
        }
        return chosen;
    }

    private static List<Integer> pickSizes(DesignMatrix.Loaded m, List<Integer> chosen, int g) {
        List<Integer> all = m.matrix().raidSizes();
        if (chosen == null) {
            return all;
        }
        for (int i = 0; i < chosen.size(); i++) {
            if (!all.contains(chosen.get(i))) {
                throw m.problemAt("/grid/" + g + "/raid-sizes/" + i, "raid size "
                        + chosen.get(i) + " is not in raid-sizes " + all);
            }
        }
        return chosen;
    }

    /** The checks that need no scenario: ids, references, the baseline, policies, kinds and fractions. */
    private static void check(DesignMatrix.Loaded m) {
        DesignMatrix x = m.matrix();
        String src = m.source();
        String text = m.text();
        if (x.replications() < 2) {
            throw ScenarioLoader.problemAt(src, text, "/replications", "expected at least 2 (an interval needs two"
                    + " seeds), got " + x.replications());
        }
        for (String key : List.of("events", "raid-sizes", "sheets", "networks", "grid", "configurations")) {
            boolean empty = switch (key) {
                case "events" -> x.events().isEmpty();
                case "raid-sizes" -> x.raidSizes().isEmpty();
                case "sheets" -> x.sheets().isEmpty();
                case "networks" -> x.networks().isEmpty();
                case "grid" -> x.grid().isEmpty();
                default -> x.configurations().isEmpty();
            };
            if (empty) {
                throw ScenarioLoader.problemAt(src, text, "/" + key, "missing or empty; every matrix names at least"
                        + " one (docs/reports.md, \"Matrix files\")");
            }
        }
        for (String k : x.events().keySet()) {
            checkId(m, "/events/" + k, k);
            if (x.events().get(k).scenario() == null) {
                throw ScenarioLoader.problemAt(src, text, "/events/" + k, "missing \"scenario:\" (a bundled"
                        + " scenario, syncsim list, or a scenario file)");
            }
        }
        x.sheets().keySet().forEach(k -> checkId(m, "/sheets/" + k, k));
        x.networks().keySet().forEach(k -> checkId(m, "/networks/" + k, k));
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < x.configurations().size(); c++) {
            DesignMatrix.Configuration conf = x.configurations().get(c);
            String at = "/configurations/" + c;
            if (conf.id() == null) {
                throw ScenarioLoader.problemAt(src, text, at, "missing \"id:\"");
            }
            checkId(m, at + "/id", conf.id());
            if (ids.contains(conf.id())) {
                throw ScenarioLoader.problemAt(src, text, at + "/id", "configuration '" + conf.id() + "' twice");
            }
            ids.add(conf.id());
            if (conf.policy() != null) {
                PolicyCatalog.Policy p = PolicyCatalog.policy(conf.policy());
                if (p == null) {
                    throw ScenarioLoader.problemAt(src, text, at + "/policy", "no policy '" + conf.policy()
                            + "'; expected one of " + String.join(", ", PolicyCatalog.names()));
                }
                if (conf.kind() != null && p.kinds().stream().noneMatch(k -> k.name().equals(conf.kind()))) {
                    throw ScenarioLoader.problemAt(src, text, at + "/kind", "policy " + p.name() + " has kinds "
                            + String.join(", ", p.kinds().stream().map(PolicyCatalog.Kind::name).toList())
                            + ", not '" + conf.kind() + "'");
                }
            } else if (conf.kind() != null) {
                throw ScenarioLoader.problemAt(src, text, at + "/kind", "a kind needs \"policy:\"");
            }
            if (conf.rollout() != null && !(conf.rollout() >= 0 && conf.rollout() <= 1)) {
                throw ScenarioLoader.problemAt(src, text, at + "/rollout", "expected a fraction from 0 to 1, got "
                        + conf.rollout());
            }
        }
        if (!ids.contains(x.baseline())) {
            throw ScenarioLoader.problemAt(src, text, "/baseline", "no configuration '" + x.baseline()
                    + "'; expected one of " + String.join(", ", ids));
        }
    }

    private static void checkId(DesignMatrix.Loaded m, String pointer, String id) {
        if (!id.matches(ID)) {
            throw m.problemAt(pointer, "'" + id + "': expected lower-case letters,"
                    + " digits and dashes (it names directories)");
        }
    }
}
