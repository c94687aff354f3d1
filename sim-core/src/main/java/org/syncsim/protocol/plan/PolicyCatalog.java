package org.syncsim.protocol.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Every policy of the {@code plan} profile as data: its name, its kinds (the first is {@code off}, the addon's
 * behaviour), each kind's parameters with defaults, and the recommended setting with its reason. The scenario
 * loader, the JSON Schema, {@code syncsim policies} and the docs all read this one table; adding a policy is one
 * entry here and one branch where the client acts on it.
 *
 * <p>A scenario writes {@code protocol.policies} as {@code name: kind} or {@code name: {kind: k, param: value}}
 * (without {@code kind}: the recommended kind with those parameters); unnamed policies take their recommended
 * setting, or {@code off} with {@code default: off}. YAML reads a bare {@code off} as false, so false stands for
 * the policy's first kind (its off setting) wherever a kind is expected.
 */
public final class PolicyCatalog {
    /** The key of {@code protocol.policies} that says what unnamed policies do: {@code recommended} or {@code off}. */
    public static final String DEFAULT_KEY = "default";

    /** A parameter's type, which fixes how its value is written. */
    public enum Type {
        /** A time with a unit, like {@code 3s}. */
        DURATION,
        /** A whole number ≥ 0. */
        COUNT,
        /** A decimal number. */
        NUMBER,
        /** One of a few words. */
        CHOICE,
        /** Character names: a list, or one text with names separated by commas. */
        NAMES
    }

    /** One parameter of a policy kind; {@code defaultValue} is written as in a scenario. */
    public record Param(String name, Type type, String defaultValue, List<String> choices, String doc) {
        static Param of(String name, Type type, String defaultValue, String doc) {
            return new Param(name, type, defaultValue, List.of(), doc);
        }
    }

    /** The parameter values of one kind, read by name. */
    public static final class Values {
        private final Map<String, Object> values;

        Values(Map<String, Object> values) {
            this.values = values;
        }

        public double seconds(String name) {
            return (Double) values.get(name);
        }

        public double number(String name) {
            return (Double) values.get(name);
        }

        public int count(String name) {
            return (Integer) values.get(name);
        }

        public String choice(String name) {
            return (String) values.get(name);
        }

        @SuppressWarnings("unchecked")
        public java.util.Set<String> names(String name) {
            return (java.util.Set<String>) values.get(name);
        }
    }

    /** One way a policy can be set. */
    public record Kind(String name, String doc, List<Param> params, Function<Values, Object> build) {
    }

    /**
     * One policy: its kinds ({@code kinds.get(0)} is off), the flaws it targets, and the recommended kind (with its
     * parameter defaults) with the reason for it.
     */
    public record Policy(String name, String targets, List<Kind> kinds, String recommended, String why) {
        /** The kind called {@code name}, or null. */
        public Kind kind(String kindName) {
            return kinds.stream().filter(k -> k.name().equals(kindName)).findFirst().orElse(null);
        }
    }

    /** The policies, in the order of the list. */
    public static final List<Policy> POLICIES = List.of(
            new Policy("responders", "B1, B36", List.of(
                    new Kind("all", "every holder of newer complete data answers (head)", List.of(),
                            v -> new Responders.All()),
                    new Kind("elected", "the best-ranked holders answer (leader, assistants, then by name); the "
                            + "next rank answers if they stay silent",
                            List.of(Param.of("count", Type.COUNT, "1", "how many answer a pull"),
                                    Param.of("fallback", Type.DURATION, "3s",
                                            "how much longer each further rank waits")),
                            v -> new Responders.Elected(v.count("count"), v.seconds("fallback")))),
                    "elected",
                    "one push reaches every member of the raid, so one responder suffices; the leader answers first "
                            + "as in Angry Assignments and oRA2, and the 3 s steps are DBM's ranked fallback "
                            + "(7/10/13 s, peer-addons.md §5)"),
            new Policy("request-coalescing", "B3", List.of(
                    new Kind("off", "every stale member pulls at once (head)", List.of(),
                            v -> new RequestCoalescing.Off()),
                    new Kind("listen", "wait a jitter scaled with raid size; skip the pull if another member's "
                            + "request or a newer BSACK was heard, and wait for that push",
                            List.of(Param.of("window", Type.DURATION, "5s",
                                            "how long to wait for the push another request brings"),
                                    Param.of("jitter-per-member", Type.DURATION, "50ms",
                                            "the pull's random delay per raid member")),
                            v -> new RequestCoalescing.Listen(v.seconds("window"), v.seconds("jitter-per-member")))),
                    "listen",
                    "50 ms per member spreads a 40-member storm over 2 s, Angry Assignments' coalescing window; the "
                            + "5 s wait is DBM's acceptance window for a reply (peer-addons.md §2, §5)"),
            new Policy("backoff", "B8", List.of(
                    new Kind("none", "a lost request is never repeated (head)", List.of(), v -> new Backoff.None()),
                    new Kind("fixed", "retry after the same delay",
                            List.of(Param.of("delay", Type.DURATION, "10s", "the delay before each retry"),
                                    Param.of("max-retries", Type.COUNT, "5", "retries after one pull")),
                            v -> new Backoff.Fixed(v.seconds("delay"), v.count("max-retries"))),
                    new Kind("exponential", "retry after base·multiplier^(n-1), capped, with jitter",
                            List.of(Param.of("base", Type.DURATION, "10s", "the first retry's delay"),
                                    Param.of("multiplier", Type.NUMBER, "2", "growth per retry"),
                                    Param.of("cap", Type.DURATION, "60s", "the longest delay"),
                                    Param.of("max-retries", Type.COUNT, "5", "retries after one pull"),
                                    new Param("jitter", Type.CHOICE, "equal",
                                            List.of("none", "full", "equal", "decorrelated"),
                                            "how the delay is spread (AWS, Exponential Backoff And Jitter)")),
                            v -> new Backoff.Exponential(v.seconds("base"), v.number("multiplier"),
                                    v.seconds("cap"), v.count("max-retries"),
                                    Backoff.Jitter.valueOf(v.choice("jitter").toUpperCase(Locale.ROOT))))),
                    "exponential",
                    "equal jitter on a 10 s base never retries sooner than 5 s, the addon's own request interval "
                            + "(requestTimeout, spec §3.2), while spreading a raid's retries; 5 retries reach the "
                            + "60 s cap within about 3 minutes"),
            new Policy("skip-redundant", "B4, B12, B13", List.of(
                    new Kind("off", "late requests still get pushes, every re-push is rebuilt, holes count as data "
                            + "(head)", List.of(), v -> new SkipRedundant.Off()),
                    new Kind("skip", "answer only with a version held whole and not after a push of it went out "
                            + "since the request; ignore a re-push of the version held whole", List.of(),
                            v -> new SkipRedundant.On())),
                    "skip",
                    "what Angry Assignments' skip-if-identical hash and DBM's 8 s duplicate window achieve "
                            + "(peer-addons.md §8), from what a member already sees: the push is a broadcast, so "
                            + "once one went out every requester has it"),
            new Policy("throttle", "B18", List.of(
                    new Kind("direct", "straight to the server, every message NORMAL (head)", List.of(),
                            v -> new Throttle.Direct()),
                    new Kind("ctl", "through ChatThrottleLib: requests, acknowledgements and announcements ALERT, "
                            + "pushes BULK",
                            List.of(Param.of("max-cps", Type.NUMBER, "800", "bytes per second"),
                                    Param.of("burst", Type.NUMBER, "4000", "bytes that may go at once"),
                                    Param.of("raid-budget", Type.NUMBER, "0",
                                            "bytes per second for the whole raid, split over its members (0: "
                                                    + "no split)")),
                            v -> new Throttle.Ctl(v.number("max-cps"), v.number("burst"), v.number("raid-budget")))),
                    "direct",
                    "with one elected responder a push is one member's single burst, which the game delivers (the "
                            + "author reports chunked transfers arriving; most bundled scenarios' servers accept "
                            + "it); ChatThrottleLib's 800 B/s (peer-addons.md §3) would stretch a 60 KB push to "
                            + "75 s and leave every reload or zone change meanwhile with half a push. Choose ctl "
                            + "where the server limits senders (server-limit-storm converges with it)"),
            new Policy("recovery", "B9, B10, B13, B15, B16, B24, B29", List.of(
                    new Kind("off", "the addon's permissive router; a push applies message by message, holes and all "
                            + "(head)", List.of(), v -> new Recovery.Off()),
                    new Kind("resume", "strict parsing; a newer push is staged and applied only when complete; "
                            + "missing sections are asked of the pusher (BSMISS) after a quiet time",
                            List.of(Param.of("timeout", Type.DURATION, "3s",
                                            "quiet time after the last push traffic before asking for what is "
                                                    + "missing"),
                                    Param.of("max-requests", Type.COUNT, "3",
                                            "repair requests per push before leaving it to backoff")),
                            v -> new Recovery.Resume(v.seconds("timeout"), v.count("max-requests")))),
                    "resume",
                    "a push goes out in one frame (B18), so 3 s without traffic means it is over, not slow; peer "
                            + "addons have no reassembly timeout (peer-addons.md §9.8 suggests adding one with a "
                            + "re-request); 3 repair rounds cover a bursty link, after which the pusher is "
                            + "likely gone and backoff's pull finds another responder"),
            new Policy("version-check", "§3.8, B23", List.of(
                    new Kind("off", "VER announced on joining and only logged (head)", List.of(),
                            v -> new VersionCheck.Off()),
                    new Kind("gate", "announce the plan's version, answer each new member's VER once, send the "
                            + "plan's own messages (BSMISS) only to members that announced it", List.of(),
                            v -> new VersionCheck.Gate())),
                    "gate",
                    "DBM and BigWigs exchange versions on joining and drop what an older protocol cannot read "
                            + "(peer-addons.md §5, §6); in a roll-out a head pusher would only count BSMISS as "
                            + "unknown, so a plan member falls back to backoff's pull at once"),
            new Policy("versioning", "B11, B27", List.of(
                    new Kind("wall-clock", "the importer's time() is the version; anything is accepted (head)",
                            List.of(), v -> new Versioning.WallClock()),
                    new Kind("monotonic", "an import is stamped max(time(), newest held or heard + 1); versions "
                            + "too far in the future and BSECs older than the data held are refused",
                            List.of(Param.of("max-future", Type.DURATION, "10m",
                                    "how far ahead of the receiver's clock a version may be")),
                            v -> new Versioning.Monotonic(v.seconds("max-future")))),
                    "monotonic",
                    "no peer orders data by wall clock (DBM and BigWigs use revisions, Angry Assignments hashes, "
                            + "peer-addons.md §9.6); a Lamport step over time() keeps the addon's readable version "
                            + "while a slow clock can no longer lose an import; 10 minutes admits any honest clock "
                            + "set by the realm's time sync and refuses a forged day"),
            new Policy("permissions", "§8", List.of(
                    new Kind("anyone", "anyone may announce and push (head)", List.of(), v -> new Permissions.Anyone()),
                    new Kind("leader", "only the raid leader", List.of(), v -> new Permissions.Leader()),
                    new Kind("leader-and-assistants", "the leader and assistants", List.of(),
                            v -> new Permissions.LeaderAndAssistants()),
                    new Kind("listed", "the members named",
                            List.of(new Param("names", Type.NAMES, "", List.of(), "who may announce and push")),
                            v -> new Permissions.Listed(v.names("names")))),
                    "leader-and-assistants",
                    "the receive-side rank check Angry Assignments, MRT (by default) and KTM make "
                            + "(peer-addons.md §8); assistants import too, so leader alone would stall a raid "
                            + "whose sheet an assistant keeps"),
            new Policy("cache-compressed", "B12, B20", List.of(
                    new Kind("off", "every BSTR decompresses and rebuilds every section, also of the version held "
                            + "(head; head already compresses once per import and pushes the stored blobs)",
                            List.of(), v -> new CompressedCache.Off()),
                    new Kind("per-import", "the sheet is compressed once per import and kept decoded per version: "
                            + "a blob already held decoded is not decompressed again", List.of(),
                            v -> new CompressedCache.PerImport())),
                    "per-import",
                    "it changes no message, only Lua work: in a 39-push storm every member decodes the sheet "
                            + "once instead of 39 times (B12), and the decoded tables are the ones the addon "
                            + "already keeps in TWRA_Assignments, so it costs no memory"),
            new Policy("differential", "B19", List.of(
                    new Kind("off", "any pull gets the whole sheet (head)", List.of(), v -> new Differential.Off()),
                    new Kind("sections", "a request carries a digest of per-section content hashes; the responder "
                            + "sends only the sections it does not name, BSSAME for the rest, and the structure",
                            List.of(), v -> new Differential.Sections())),
                    "sections",
                    "Angry Assignments announces a digest and pulls only what differs (peer-addons.md §9.1); an "
                            + "edit of k of n sections then costs k sections, a 7-character hash per section in "
                            + "the request and BSSAME, instead of the whole sheet (B19). It speaks only to members "
                            + "that announced the plan (version-check), and recovery asks for whatever a member "
                            + "could not fill"));

    private PolicyCatalog() {
    }

    /** The policy called {@code name}, or null. */
    public static Policy policy(String name) {
        return POLICIES.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** Every policy at its recommended setting. */
    public static PlanPolicies recommended() {
        return parse(Map.of(), PolicyCatalog::secondsOf);
    }

    /**
     * Builds the policies from a scenario's {@code protocol.policies} (values as YAML reads them: strings, numbers,
     * maps). {@code seconds} reads a time with a unit and throws IllegalArgumentException on a bad one. Throws
     * {@link PolicyException} naming the field.
     */
    public static PlanPolicies parse(Map<String, ?> raw, ToDoubleFunction<String> seconds) {
        Object dflt = raw.get(DEFAULT_KEY);
        boolean off;
        if (dflt == null || "recommended".equals(dflt)) {
            off = false;
        } else if ("off".equals(dflt) || Boolean.FALSE.equals(dflt)) {
            off = true;
        } else {
            throw new PolicyException(DEFAULT_KEY, "expected recommended or off, got " + describe(dflt));
        }
        for (String key : raw.keySet()) {
            if (!key.equals(DEFAULT_KEY) && policy(key) == null) {
                throw new PolicyException(key, "no policy called '" + key + "'; known: " + names()
                        + " (and default: recommended|off)");
            }
        }
        Map<String, Object> built = new LinkedHashMap<>();
        for (Policy p : POLICIES) {
            Object setting = raw.get(p.name());
            Map<String, ?> fields;
            if (setting == null) {
                fields = Map.of("kind", off ? p.kinds().get(0).name() : p.recommended());
            } else if (setting instanceof String || Boolean.FALSE.equals(setting)) {
                fields = Map.of("kind", setting);
            } else if (setting instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) m;
                fields = typed;
            } else {
                throw new PolicyException(p.name(), "expected a kind (" + kindNames(p) + ") or {kind: ..., ...}, got "
                        + describe(setting));
            }
            built.put(p.name(), build(p, fields, seconds));
        }
        return new PlanPolicies((Responders) built.get("responders"),
                (RequestCoalescing) built.get("request-coalescing"), (Backoff) built.get("backoff"),
                (SkipRedundant) built.get("skip-redundant"), (Throttle) built.get("throttle"),
                (Recovery) built.get("recovery"), (VersionCheck) built.get("version-check"),
                (Versioning) built.get("versioning"), (Permissions) built.get("permissions"),
                (CompressedCache) built.get("cache-compressed"), (Differential) built.get("differential"));
    }

    private static Object build(Policy p, Map<String, ?> fields, ToDoubleFunction<String> seconds) {
        Object kindName = fields.containsKey("kind") ? fields.get("kind") : p.recommended();
        if (kindName == null) {
            throw new PolicyException(p.name() + "/kind", "missing: name one of " + kindNames(p));
        }
        Kind kind = Boolean.FALSE.equals(kindName) ? p.kinds().get(0) : p.kind(String.valueOf(kindName));
        if (kind == null) {
            throw new PolicyException(p.name() + "/kind", "no kind '" + kindName + "' for " + p.name() + "; known: "
                    + kindNames(p));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String f : fields.keySet()) {
            if (!f.equals("kind") && kind.params().stream().noneMatch(x -> x.name().equals(f))) {
                throw new PolicyException(p.name() + "/" + f, p.name() + " " + kind.name() + " has "
                        + (kind.params().isEmpty() ? "no parameters"
                                : "parameters " + kind.params().stream().map(Param::name)
                                        .collect(Collectors.joining(", ")))
                        + ", not '" + f + "'");
            }
        }
        for (Param param : kind.params()) {
            Object given = fields.get(param.name());
            String at = p.name() + "/" + param.name();
            values.put(param.name(), value(param, given == null ? param.defaultValue() : given, at, seconds));
        }
        try {
            return kind.build().apply(new Values(values));
        } catch (IllegalArgumentException e) {
            throw new PolicyException(p.name(), p.name() + " " + kind.name() + ": " + e.getMessage());
        }
    }

    private static Object value(Param param, Object given, String at, ToDoubleFunction<String> seconds) {
        switch (param.type()) {
            case DURATION -> {
                if (!(given instanceof String s)) {
                    throw new PolicyException(at, "expected a time with a unit, like " + param.defaultValue()
                            + ", got " + describe(given));
                }
                try {
                    return seconds.applyAsDouble(s);
                } catch (IllegalArgumentException e) {
                    throw new PolicyException(at, e.getMessage());
                }
            }
            case COUNT -> {
                Object v = given instanceof String s && s.matches("[0-9]+") ? Integer.valueOf(s) : given;
                if (!(v instanceof Integer i) || i < 0) {
                    throw new PolicyException(at, "expected a whole number ≥ 0, got " + describe(given));
                }
                return v;
            }
            case NUMBER -> {
                Object v = given;
                if (given instanceof String s) {
                    try {
                        v = Double.valueOf(s);
                    } catch (NumberFormatException e) {
                        v = s;
                    }
                }
                if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new PolicyException(at, "expected a number, got " + describe(given));
                }
                return n.doubleValue();
            }
            case NAMES -> {
                java.util.Set<String> names = new java.util.TreeSet<>();
                if (given instanceof String s) {
                    for (String n : s.split(",")) {
                        if (!n.isBlank()) {
                            names.add(n.trim());
                        }
                    }
                } else if (given instanceof List<?> l && l.stream().allMatch(x -> x instanceof String)) {
                    l.forEach(x -> names.add((String) x));
                } else {
                    throw new PolicyException(at, "expected a list of character names, got " + describe(given));
                }
                if (names.isEmpty()) {
                    throw new PolicyException(at, "expected at least one character name, e.g. [Leader, Officer]");
                }
                return names;
            }
            default -> {
                if (!(given instanceof String s) || !param.choices().contains(s)) {
                    throw new PolicyException(at, "expected one of " + String.join(", ", param.choices()) + ", got "
                            + describe(given));
                }
                return s;
            }
        }
    }

    /** The policy names, in catalog order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        POLICIES.forEach(p -> out.add(p.name()));
        return out;
    }

    private static String kindNames(Policy p) {
        return p.kinds().stream().map(Kind::name).collect(Collectors.joining(", "));
    }

    private static String describe(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    /** Seconds of a time written {@code 250ms}, {@code 3s}, {@code 2m}, for the catalog's own defaults. */
    static double secondsOf(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m)").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a time like 3s, 250ms or 2m, got \"" + text + "\"");
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> v / 1e3;
            case "s" -> v;
            default -> v * 60;
        };
    }
}
