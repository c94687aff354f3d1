package org.syncsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The checks a scenario must pass beyond types: ranges, names that exist, and times that can be resolved. */
final class ScenarioValidator {
    /** WoW character names are 2 to 12 letters; generated names ({@code Raider1000}) fit too. */
    static final int MAX_NAME_LENGTH = 12;
    /** Most rows per section of a generated sheet (TWRA's own sheets have a few dozen). */
    static final int MAX_ROWS = 1000;
    /** Most columns of a generated sheet, Icon and Target included (TWRA's own have about ten). */
    static final int MAX_COLUMNS = 100;
    /**
     * Most cells (sections × rows × columns) of a generated sheet: about 2.4 MB of sheet text, twice the biggest
     * sheet the benchmarks time ({@code data.rows=532}, 85 000 cells); the default sheet has 4 000.
     */
    static final long MAX_CELLS = 200_000;
    /** Most rows of {@code timeline.csv} per replication ({@code run.limit} or the {@code t} end over the bucket). */
    static final long MAX_BUCKETS = 1_000_000;
    /** Above this many buckets per replication a load warns that {@code timeline.csv} may be large. */
    static final long WARN_BUCKETS = 100_000;

    private ScenarioValidator() {
    }

    /** The last instant a run can reach: {@code run.limit}, or the {@code until: t} end if earlier. */
    static long runEnd(RunSpec r) {
        return r.until() instanceof StopCondition.At at ? Math.min(at.end().micros(), r.limit().micros())
                : r.limit().micros();
    }

    /** Warnings about a scenario that passed every check (see {@link LoadedScenario#warnings()}). */
    static List<String> warnings(String source, Scenario s) {
        List<String> out = new ArrayList<>();
        long buckets = runEnd(s.run()) / Math.max(1, s.run().bucket().micros());
        if (buckets > WARN_BUCKETS) {
            out.add(source + ": run.bucket " + s.run().bucket() + " gives up to " + buckets + " rows of timeline.csv"
                    + " per replication (" + Span.format(runEnd(s.run())) + " / " + s.run().bucket() + "); a wider"
                    + " bucket (1s) or a shorter run.limit keeps the file small");
        }
        return out;
    }

    /**
     * Checks everything but the timeline's times, with {@code sections} the sheet's section count; returns the
     * resolved roster (possibly partial on problems).
     */
    static List<RosterEntry> validate(Scenario s, int sections, List<Problem> out) {
        checkName(s.name(), out);
        Raid raid = s.raid();
        if (raid.size() < 1 || raid.size() > raid.maxSize()) {
            out.add(new Problem("/raid/size", "a raid has 1 to " + raid.maxSize() + " members, got " + raid.size()
                    + (raid.stress() ? "" : " (a load test of more members: raid.stress: true)")));
        } else if (raid.size() < raid.members().size()) {
            out.add(new Problem("/raid/size", "size " + raid.size() + " is smaller than the " + raid.members().size()
                    + " members listed; drop size or raise it"));
        }
        java.util.Map<String, String> names = new java.util.HashMap<>(); // lower case -> as written
        Set<String> generated = new HashSet<>();
        for (int i = raid.members().size(); i < Math.min(raid.size(), raid.maxSize()); i++) {
            generated.add(RosterEntry.generatedBase(i).toLowerCase(java.util.Locale.ROOT));
        }
        int leaders = 0;
        for (int i = 0; i < raid.members().size(); i++) {
            Member m = raid.members().get(i);
            String at = "/raid/members/" + i;
            String lower = m.name() == null ? null : m.name().toLowerCase(java.util.Locale.ROOT);
            if (m.name() == null || m.name().isBlank()) {
                out.add(new Problem(at, "every member needs a name"));
            } else if (m.name().length() > MAX_NAME_LENGTH) {
                out.add(new Problem(at + "/name", "a character name has at most " + MAX_NAME_LENGTH
                        + " characters (WoW's limit), got " + m.name().length() + " (\""
                        + m.name().substring(0, MAX_NAME_LENGTH) + "...\")"));
            } else if (!m.name().matches("\\p{L}[\\p{L}\\p{N}]*")) {
                out.add(new Problem(at + "/name", "a character name is letters (and digits), like Alice; got \""
                        + m.name() + "\""));
            } else if (names.containsKey(lower)) {
                String first = names.get(lower);
                out.add(new Problem(at + "/name", first.equals(m.name())
                        ? "the name \"" + m.name() + "\" is used twice"
                        : "the name \"" + m.name() + "\" differs from \"" + first + "\" only in case, and WoW"
                                + " character names are case-insensitive: they are the same character"));
            } else if (generated.contains(lower)) {
                out.add(new Problem(at + "/name", "\"" + m.name() + "\" is the name of a generated member (members"
                        + " not listed are Raider" + String.format("%02d", raid.members().size() + 1) + " to Raider"
                        + String.format("%02d", raid.size()) + " by position); give this one another name"));
            } else {
                names.put(lower, m.name());
            }
            if (m.role() == Member.Role.LEADER && ++leaders > 1) {
                out.add(new Problem(at + "/role", "a raid has one leader; make the others assistant"));
            }
            checkFps(m.fps(), at + "/fps", out);
            if (m.group() != null && (m.group() < 1 || m.group() > 8)) {
                out.add(new Problem(at + "/group", "a raid subgroup is 1 to 8, got " + m.group()));
            }
        }
        checkFps(raid.defaults().fps(), "/raid/defaults/fps", out);

        DataSpec d = s.data();
        if (d.file() != null) {
            String[] shape = {"sections", "rows", "columns", "seed"};
            Object[] given = {d.sections(), d.rows(), d.columns(), d.seed()};
            for (int i = 0; i < shape.length; i++) {
                if (given[i] != null) {
                    out.add(new Problem("/data/" + shape[i], "a sheet from data.file has its own shape; drop "
                            + shape[i] + " (it shapes a generated sheet) or drop file"));
                }
            }
        } else {
            positive(d.sections(), "/data/sections", out);
            if (d.sections() > 100) {
                out.add(new Problem("/data/sections", "the addon keeps at most 100 sections, got " + d.sections()));
            }
            positive(d.rows(), "/data/rows", out);
            if (d.rows() != null && d.rows() > MAX_ROWS) {
                out.add(new Problem("/data/rows", "at most " + MAX_ROWS + " rows per section, got " + d.rows()
                        + " (TWRA's sheets have a few dozen)"));
            }
            if (d.columns() < 2) {
                out.add(new Problem("/data/columns", "a sheet has at least the Icon and Target columns (2), got "
                        + d.columns()));
            } else if (d.columns() > MAX_COLUMNS) {
                out.add(new Problem("/data/columns", "at most " + MAX_COLUMNS + " columns, got " + d.columns()
                        + " (TWRA's sheets have about ten)"));
            }
            boolean shaped = d.sections() != null && d.sections() >= 1 && d.sections() <= 100 && d.rows() != null
                    && d.rows() >= 1 && d.rows() <= MAX_ROWS && d.columns() >= 2 && d.columns() <= MAX_COLUMNS;
            if (shaped && (long) d.sections() * d.rows() * d.columns() > MAX_CELLS) {
                out.add(new Problem("/data/rows", "a sheet of " + d.sections() + " sections x " + d.rows()
                        + " rows x " + d.columns() + " columns has " + (long) d.sections() * d.rows() * d.columns()
                        + " cells; at most " + MAX_CELLS + " are simulated (every member holds and encodes the"
                        + " sheet): fewer rows, columns or sections"));
            }
        }
        if (d.timestamp() <= 0) {
            out.add(new Problem("/data/timestamp", "expected a Unix time in seconds above 0 (0 is a fresh install)"));
        }
        if (d.oldTimestamp() <= 0 || d.oldTimestamp() >= d.timestamp()) {
            out.add(new Problem("/data/old-timestamp", "expected a Unix time above 0 and below data.timestamp ("
                    + d.timestamp() + ")"));
        }

        ChannelSpec c = s.channel();
        if (c.messageLimit() != null) {
            positive(c.messageLimit(), "/channel/message-limit", out);
        }
        positive(c.ctl().maxCps(), "/channel/ctl/max-cps", out);
        positive(c.ctl().burst(), "/channel/ctl/burst", out);
        nonNegative(c.ctl().overhead(), "/channel/ctl/overhead", out);
        positive(c.ctl().minFps(), "/channel/ctl/min-fps", out);
        if (c.ctl().maxMessage() != null) {
            nonNegative(c.ctl().maxMessage(), "/channel/ctl/max-message", out);
        }
        positive(c.server().rate(), "/channel/server/rate", out);
        positive(c.server().burst(), "/channel/server/burst", out);
        checkLatency(c.latency(), "/channel/latency", out);
        checkLoss(c.loss(), "/channel/loss", out);

        checkPolicies(s.protocol(), out);
        checkCpu(s.protocol().cpu(), out);

        RunSpec r = s.run();
        positive(r.replications(), "/run/replications", out);
        if (r.eventCap() < 1) {
            out.add(new Problem("/run/event-cap", "expected a positive number of events"));
        }
        if (r.bucket().micros() == 0) {
            out.add(new Problem("/run/bucket", "expected a time above 0, e.g. 1s"));
        }
        if (r.limit().micros() == 0) {
            out.add(new Problem("/run/limit", "expected a time above 0, e.g. 1h"));
        }
        long end = runEnd(r);
        if (r.warmUp().micros() >= end && end > 0) {
            out.add(new Problem("/run/warm-up", "the warm-up (" + r.warmUp() + ") lasts as long as the run ("
                    + Span.format(end) + "): nothing would be counted"));
        }
        if (r.bucket().micros() > 0 && end / r.bucket().micros() > MAX_BUCKETS) {
            out.add(new Problem("/run/bucket", "a bucket of " + r.bucket() + " gives up to "
                    + end / r.bucket().micros() + " rows of timeline.csv per replication (" + Span.format(end)
                    + " / " + r.bucket() + "); at most " + MAX_BUCKETS + ": a wider bucket (e.g. 1s) or a shorter"
                    + " run.limit"));
        }

        if (!out.isEmpty()) {
            return List.of();
        }
        List<RosterEntry> roster = RosterEntry.of(s);
        checkTimeline(s, sections, roster, out);
        checkFeatures(s, roster, out);
        checkListedNames(s.protocol(), roster, out);
        return roster;
    }

    /**
     * The scenario's name is its results directory ({@code results/<name>}), so it must stay one path segment:
     * a name with {@code /}, {@code \\}, a control character, or that is {@code .} or {@code ..}, would write
     * outside {@code results/} (or into {@code results/} itself).
     */
    static void checkName(String name, List<Problem> out) {
        String why = null;
        if (name == null || name.isBlank()) {
            why = "is empty";
        } else if (name.equals(".") || name.equals("..")) {
            why = "is \"" + name + "\"";
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            why = "holds a " + (name.indexOf('/') >= 0 ? "'/'" : "'\\'");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            why = "holds a control character";
        }
        if (why != null) {
            out.add(new Problem("/name", "the name is the results directory results/<name>, so it must be one path"
                    + " segment (no '/', '\\', '..' or control characters); got \"" + printable(name) + "\", which "
                    + why));
        }
    }

    /** {@code name} with control characters written as {@code \\uXXXX}, so a message shows them. */
    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        name.chars().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
        return b.toString();
    }

    /** {@code protocol.policies} names known policies, kinds and parameters; {@code plan} builds on head only. */
    private static void checkPolicies(ProtocolSpec p, List<Problem> out) {
        if (p.base() != ProfileName.HEAD) {
            out.add(new Problem("/protocol/base", "the plan's policies are built on head only; drop base or write "
                    + "base: head"));
        }
        try {
            p.planPolicies();
        } catch (org.syncsim.protocol.plan.PolicyException e) {
            out.add(new Problem("/protocol/policies/" + e.field(), e.getMessage()));
        }
    }

    /** {@code protocol.cpu}: costs are µs per byte ≥ 0, the hitch threshold a time above 0. */
    private static void checkCpu(CpuSpec c, List<Problem> out) {
        perByte(c.serialise(), "/protocol/cpu/serialise", out);
        perByte(c.compress(), "/protocol/cpu/compress", out);
        perByte(c.base64(), "/protocol/cpu/base64", out);
        perByte(c.decompress(), "/protocol/cpu/decompress", out);
        perByte(c.rebuild(), "/protocol/cpu/rebuild", out);
        perByte(c.message(), "/protocol/cpu/message", out);
        if (c.hitch().micros() == 0) {
            out.add(new Problem("/protocol/cpu/hitch", "expected a time above 0, e.g. 100ms"));
        }
    }

    private static void perByte(Double v, String at, List<Problem> out) {
        if (v == null || !(v >= 0) || v.isInfinite()) {
            out.add(new Problem(at, "expected µs of CPU per byte, a number of 0 or more, got " + v));
        }
    }

    /** A {@code permissions: listed} policy names members of the roster. */
    private static void checkListedNames(ProtocolSpec p, List<RosterEntry> roster, List<Problem> out) {
        if (p.planPolicies().permissions() instanceof org.syncsim.protocol.plan.Permissions.Listed listed) {
            Set<String> known = roster.stream().map(RosterEntry::name).collect(Collectors.toSet());
            for (String name : listed.names()) {
                if (!known.contains(name)) {
                    out.add(new Problem("/protocol/policies/permissions/names", "no member is called \"" + name
                            + "\"" + ScenarioLoader.suggestion(name, known)));
                }
            }
        }
    }

    /** Profile-specific settings and actions are used only on members whose profile has them. */
    private static void checkFeatures(Scenario s, List<RosterEntry> roster, List<Problem> out) {
        Raid raid = s.raid();
        ClientSettings defaults = raid.defaults();
        for (RosterEntry e : roster) {
            Member m = e.id() < raid.members().size() ? raid.members().get(e.id()) : null;
            String at = m == null ? "/raid/defaults" : "/raid/members/" + e.id();
            ClientSettings own = m == null ? ClientSettings.EMPTY : m.settings();
            feature(ProfileFeature.TANK_SYNC, e, own.tankSync() != null ? at : "/raid/defaults",
                    own.tankSync() != null || defaults.tankSync() != null, "/tank-sync", out);
            feature(ProfileFeature.ORA2, e, own.ora2() != null ? at : "/raid/defaults",
                    own.ora2() != null || defaults.ora2() != null, "/ora2", out);
        }
        for (int i = 0; i < s.timeline().size(); i++) {
            Action a = s.timeline().get(i);
            RosterEntry e = a.who() == null ? null
                    : roster.stream().filter(r -> r.name().equals(a.who())).findFirst().orElse(null);
            if (e == null) {
                continue;
            }
            String at = "/timeline/" + i;
            if (a instanceof Action.Import im) {
                feature(ProfileFeature.PLAIN_TEXT_IMPORT, e, at, im.path() == Action.Import.ImportPath.PLAIN_TEXT,
                        "/path", out);
            } else if (a instanceof Action.FullSync) {
                feature(ProfileFeature.FULL_SYNC, e, at, true, "/do", out);
            } else if (a instanceof Action.ExampleButton) {
                feature(ProfileFeature.EXAMPLE_BUTTON, e, at, true, "/do", out);
            } else if (a instanceof Action.Options o) {
                if (o.liveSync() == null && o.tankSync() == null) {
                    out.add(new Problem(at, "options needs live-sync: and/or tank-sync: (true or false)"));
                }
                feature(ProfileFeature.TANK_SYNC_CHECKBOX, e, at, o.tankSync() != null, "/tank-sync", out);
            }
        }
    }

    private static void feature(ProfileFeature f, RosterEntry e, String at, boolean used, String field,
            List<Problem> out) {
        if (used && !f.in(e.profile())) {
            String pointer = at + field;
            if (out.stream().noneMatch(p -> p.pointer().equals(pointer))) {
                out.add(new Problem(pointer, f.refusal(e.name(), e.profile())));
            }
        }
    }

    private static void checkTimeline(Scenario s, int sections, List<RosterEntry> roster, List<Problem> out) {
        Set<String> names = roster.stream().map(RosterEntry::name).collect(Collectors.toSet());
        List<String> ordered = roster.stream().map(RosterEntry::name).toList();
        String sheet = s.data().file() != null ? "data.file" : "data.sections";
        for (int i = 0; i < s.timeline().size(); i++) {
            Action a = s.timeline().get(i);
            String at = "/timeline/" + i;
            String kind = kindOf(a);
            if (a.t() == null && a.after() == null) {
                out.add(new Problem(at, kind + " needs a time: t: (from the start) or after: (from the previous entry)"));
            } else if (a.t() != null && a.after() != null) {
                out.add(new Problem(at + "/after", "give t: or after:, not both"));
            }
            boolean needsWho = !(a instanceof Action.Storm) && !(a instanceof Action.Network)
                    && !(a instanceof Action.SkullMark);
            if (a.who() == null && needsWho) {
                out.add(new Problem(at, kind + " needs who: (a member of the raid: " + preview(ordered) + ")"));
            } else if (a.who() != null) {
                member(a.who(), at + "/who", names, ordered, out);
            }
            if (a instanceof Action.Import im) {
                    if (im.sections() != null) {
                        for (int k = 0; k < im.sections().size(); k++) {
                            section(im.sections().get(k), at + "/sections/" + k, sections, sheet, out);
                        }
                    }
            } else if (a instanceof Action.Navigate nav) {
                    if (nav.section() == null) {
                        out.add(new Problem(at, "navigate needs section: (1.." + sections + ")"));
                    } else {
                        section(nav.section(), at + "/section", sections, sheet, out);
                    }
            } else if (a instanceof Action.SkullMark mark) {
                    if (mark.section() == null) {
                        out.add(new Problem(at, "skull-mark needs section: (1.." + sections + ")"));
                    } else {
                        section(mark.section(), at + "/section", sections, sheet, out);
                    }
                    if (roster.stream().noneMatch(RosterEntry::autoNavigate)) {
                        out.add(new Problem(at, "skull-mark moves only members with auto-navigate: true, and"
                                + " there are none (set it in raid.defaults or on members)"));
                    }
            } else if (a instanceof Action.Storm st) {
                    if (st.members() != null && (st.members() < 1 || st.members() > roster.size())) {
                        out.add(new Problem(at + "/members", "expected 1.." + roster.size()
                                + " (the roster's size), got " + st.members()));
                    }
                    if (st.names() != null) {
                        for (int k = 0; k < st.names().size(); k++) {
                            member(st.names().get(k), at + "/names/" + k, names, ordered, out);
                        }
                        if (st.members() != null) {
                            out.add(new Problem(at + "/members", "give members: (a count) or names:, not both"));
                        }
                    } else {
                        boolean join = st.what() == Action.Storm.StormKind.JOIN;
                        if (roster.stream().noneMatch(e -> (e.start() == ClientSettings.Start.IN_RAID) != join)) {
                            out.add(new Problem(at, join
                                    ? "storm what: join selects nobody: every member starts in the raid (give some"
                                            + " start: solo or start: offline, or name them with names:)"
                                    : "storm what: reload selects nobody: no member starts in the raid"));
                        }
                    }
            } else if (a instanceof Action.Network net) {
                    if (net.latency() == null && net.loss() == null) {
                        out.add(new Problem(at, "network needs latency: and/or loss:"));
                    }
                    if (net.latency() != null) {
                        checkLatency(net.latency(), at + "/latency", out);
                    }
                    if (net.loss() != null) {
                        checkLoss(net.loss(), at + "/loss", out);
                    }
            } else if (a instanceof Action.Rogue rg) {
                    if (!(rg.rate() > 0)) {
                        out.add(new Problem(at + "/rate", "expected messages per second above 0, got " + rg.rate()));
                    }
                    positive(rg.count(), at + "/count", out);
                    if (rg.send() == Action.Rogue.RogueMessage.TEXT && (rg.text() == null || rg.text().isEmpty())) {
                        out.add(new Problem(at, "send: text needs text: (the message to send)"));
                    }
            }
        }
    }

    /** Absolute times of the timeline, in time order (file order among equal times). */
    static List<TimedAction> resolveTimeline(Scenario s, List<Problem> out) {
        List<TimedAction> timed = new ArrayList<>();
        long previous = 0;
        Span untilAt = s.run().until() instanceof StopCondition.At stopAt ? stopAt.end() : null;
        for (int i = 0; i < s.timeline().size(); i++) {
            Action a = s.timeline().get(i);
            long at = a.t() != null ? a.t().micros() : previous + a.after().micros();
            if (at > s.run().limit().micros()) {
                out.add(new Problem("/timeline/" + i, "happens at " + Span.format(at) + ", after the run's limit ("
                        + s.run().limit() + "); raise run.limit"));
            } else if (untilAt != null && at > untilAt.micros()) {
                out.add(new Problem("/timeline/" + i, "happens at " + Span.format(at) + ", after the run ends (until:"
                        + " t " + untilAt + "), so it would never run; move it earlier or end the run later"));
            }
            timed.add(new TimedAction(at, i, a));
            previous = at;
        }
        timed.sort(java.util.Comparator.comparingLong(TimedAction::atMicros).thenComparingInt(TimedAction::index));
        return timed;
    }

    /** The {@code do:} name of an action. */
    static String kindOf(Action a) {
        for (com.fasterxml.jackson.annotation.JsonSubTypes.Type t
                : Action.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
            if (t.value() == a.getClass()) {
                return t.name();
            }
        }
        throw new IllegalStateException("no do: name for " + a.getClass());
    }

    private static void member(String who, String at, Set<String> names, List<String> ordered, List<Problem> out) {
        if (!names.contains(who)) {
            out.add(new Problem(at, "no member named \"" + who + "\" in the raid roster"
                    + ScenarioLoader.suggestion(who, ordered) + " (" + ordered.size() + " members: " + preview(ordered)
                    + ")"));
        }
    }

    private static String preview(List<String> names) {
        return names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 6)) + ", ... " + names.get(names.size() - 1);
    }

    private static void section(Integer idx, String at, int sections, String sheet, List<Problem> out) {
        if (idx == null || idx < 1 || idx > sections) {
            out.add(new Problem(at, "section " + idx + " is out of range: the sheet has sections 1.." + sections
                    + " (" + sheet + ")"));
        }
    }

    private static void checkFps(Double fps, String at, List<Problem> out) {
        if (fps != null && !(fps > 0 && fps <= 1000)) {
            out.add(new Problem(at, "expected frames per second above 0 (e.g. 60), got " + fps));
        }
    }

    private static void checkLatency(Latency l, String at, List<Problem> out) {
        if (l instanceof Latency.LogNormal ln && ln.p95().compareTo(ln.median()) <= 0) {
            out.add(new Problem(at + "/p95", "p95 (" + ln.p95() + ") must be above the median (" + ln.median() + ")"));
        }
        if (l instanceof Latency.Uniform u && u.max().compareTo(u.min()) < 0) {
            out.add(new Problem(at + "/max", "max (" + u.max() + ") must not be below min (" + u.min() + ")"));
        }
        if (l instanceof Latency.Correlated c) {
            if (c.p95().compareTo(c.median()) <= 0) {
                out.add(new Problem(at + "/p95", "p95 (" + c.p95() + ") must be above the median (" + c.median()
                        + ")"));
            }
            if (c.median().micros() == 0) {
                out.add(new Problem(at + "/median", "expected a median above 0 (e.g. 80ms)"));
            }
            if (c.correlationTime().micros() == 0) {
                out.add(new Problem(at + "/correlation-time", "expected a correlation time above 0 (e.g. 60s)"));
            }
            nonNegative(c.uploadKbps(), at + "/upload-kbps", out);
            nonNegative(c.downloadKbps(), at + "/download-kbps", out);
        }
    }

    private static void checkLoss(Loss l, String at, List<Problem> out) {
        if (l instanceof Loss.Bernoulli b) {
            probability(b.p(), at + "/p", out);
        }
        if (l instanceof Loss.GilbertElliott g) {
            probability(g.toBad(), at + "/to-bad", out);
            probability(g.toGood(), at + "/to-good", out);
            probability(g.lossGood(), at + "/loss-good", out);
            probability(g.lossBad(), at + "/loss-bad", out);
        }
    }

    private static void probability(double p, String at, List<Problem> out) {
        if (!(p >= 0 && p <= 1)) {
            out.add(new Problem(at, "expected a probability between 0 and 1, got " + p));
        }
    }

    private static void positive(Integer v, String at, List<Problem> out) {
        if (v == null || v < 1) {
            out.add(new Problem(at, "expected a whole number above 0, got " + v));
        }
    }

    private static void nonNegative(Integer v, String at, List<Problem> out) {
        if (v == null || v < 0) {
            out.add(new Problem(at, "expected a whole number of 0 or more, got " + v));
        }
    }
}
