package org.syncsim.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an exploration's outcome: {@value #FINDINGS} (every distinct finding with its counts, first and shrunk
 * schedules) and, per finding, the shrunk scenario file with a comment saying what breaks and how to reproduce it.
 */
public final class FindingsWriter {
    /** The summary file. */
    public static final String FINDINGS = "findings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsWriter() {
    }

    /**
     * Writes the files into {@code dir}; {@code command} is the explore command line as given (for the files'
     * comments). Returns the names of the files written, {@value #FINDINGS} first.
     */
    public static List<String> write(Path dir, Exploration x, String command) throws IOException {
        Explorer e = x.explorer();
        List<String> files = new ArrayList<>();
        files.add(FINDINGS);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Exploration.Result r : x.results()) {
            String file = fileName(r.first(), files);
            files.add(file);
            Files.writeString(dir.resolve(file), header(r, x, command, file) + e.scenarioText(shown(r)),
                    StandardCharsets.UTF_8);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", r.first().key());
            m.put("invariant", r.first().invariant().key());
            m.put("meaning", r.first().invariant().meaning());
            m.put("flaw", r.first().flaw());
            m.put("head_flaws_that_break_it", r.first().invariant().flaws());
            m.put("runs_broken", r.count());
            m.put("share_of_runs", r.count() / (double) x.runs());
            m.put("first_schedule", r.firstSchedule().index());
            m.put("first_seed", r.firstSchedule().seed());
            m.put("first_detail", r.first().detail());
            m.put("faults_before_shrinking", r.firstSchedule().faults().size());
            m.put("shrunk_faults", shown(r).faults().stream().map(Fault::describe).toList());
            m.put("shrunk_raid_size", shown(r).raidSize());
            m.put("shrunk_detail", r.shrunkDetail());
            m.put("shrink_runs", r.shrinkRuns());
            m.put("file", file);
            m.put("reproduce", reproduce(r, file));
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", command);
        doc.put("scenario", e.base().scenario().name());
        doc.put("runs", x.runs());
        Explorer.Settings s = e.settings();
        doc.put("seed", s.masterSeed());
        doc.put("max_faults", s.maxFaults());
        doc.put("window", s.window().toString());
        doc.put("quiet", s.quiet().toString());
        doc.put("findings", list);
        Files.writeString(dir.resolve(FINDINGS), JSON.writeValueAsString(doc) + "\n", StandardCharsets.UTF_8);
        return files;
    }

    /**
     * The summary table: one line per finding, in the order found. The flaw column is the spec §9 flaw the finding
     * names, or in parentheses the head flaws that can break its invariant ({@link Invariant#flaws}).
     */
    public static void printTable(PrintWriter o, Exploration x) {
        o.printf(Locale.ROOT, "%d schedules run, %d distinct finding%s%n", x.runs(), x.results().size(),
                x.results().size() == 1 ? "" : "s");
        if (x.results().isEmpty()) {
            return;
        }
        o.printf(Locale.ROOT, "  %-6s %-7s %-6s %-24s %s%n", "runs", "share", "faults", "flaw", "finding");
        for (Exploration.Result r : x.results()) {
            Finding f = r.first();
            String flaw = f.flaws().isEmpty() ? "-" : f.namesItsFlaw() ? f.flaws() : "(" + f.flaws() + ")";
            o.printf(Locale.ROOT, "  %-6d %5.1f %%  %-6s %-24s %s%n", r.count(), 100.0 * r.count() / x.runs(),
                    r.shrunk() == null ? "?" : Integer.toString(r.shrunk().faults().size()), flaw, f.key());
        }
    }

    private static Schedule shown(Exploration.Result r) {
        return r.shrunk() != null ? r.shrunk() : r.firstSchedule();
    }

    private static String header(Exploration.Result r, Exploration x, String command, String file) {
        Schedule s = shown(r);
        StringBuilder h = new StringBuilder();
        h.append("# SyncSim explore finding: ").append(r.first().key()).append('\n');
        h.append("# Breaks ").append(r.first().invariant().key()).append(": ").append(r.first().invariant().meaning())
                .append('\n');
        if (!r.first().flaw().isEmpty()) {
            h.append("# Flaw: ").append(r.first().flaw()).append(" (twra-sync-protocol.md section 9)\n");
        }
        h.append("# In this scenario: ").append(r.shrunkDetail() != null ? r.shrunkDetail() : r.first().detail())
                .append('\n');
        h.append("# Found by: ").append(command).append("\n#   schedule ").append(r.firstSchedule().index())
                .append(" (seed ").append(r.firstSchedule().seed()).append("); broke in ").append(r.count())
                .append(" of ").append(x.runs()).append(" runs\n");
        h.append("# Shrunk from ").append(r.firstSchedule().faults().size()).append(" fault(s) to ")
                .append(s.faults().size()).append(s.raidSize() != null ? ", raid of " + s.raidSize() : "")
                .append(" (").append(r.shrinkRuns()).append(" runs)").append(s.faults().isEmpty() ? "" : ":")
                .append('\n');
        for (Fault f : s.faults()) {
            h.append("#   ").append(f.describe()).append('\n');
        }
        h.append("# Reproduce: ").append(reproduce(r, file)).append("\n\n");
        return h.toString();
    }

    private static String reproduce(Exploration.Result r, String file) {
        String failOn = switch (r.first().invariant()) {
            case CONVERGENCE -> " --fail-on never-synced";
            case SILENT_DESYNC -> " --fail-on desync";
            default -> "";
        };
        return "./syncsim run " + file + failOn + " (one replication on run.seed; the timeline's last entries are"
                + " the faults)";
    }

    private static String fileName(Finding f, List<String> taken) {
        String slug = f.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-$", "");
        }
        String name = slug + ".yaml";
        for (int k = 2; taken.contains(name); k++) {
            name = slug + "-" + k + ".yaml";
        }
        return name;
    }
}
