package org.syncsim.cli;

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
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.Replications;
import org.syncsim.report.ReportInput;
import org.syncsim.report.ReportWriter;
import org.syncsim.report.compare.Comparison;
import org.syncsim.report.html.RunReportPage;
import org.syncsim.report.stats.MeanCi;
import org.syncsim.run.RunEstimate;
import org.syncsim.run.RunFailedException;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syncsim compare A B [C…]}: runs several variants on the same seeds (common random numbers) and writes
 * one comparison report with each variant's differences from the first and their paired confidence intervals.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare variants of a scenario on the same seeds and write comparison.html.",
            "A variant is a scenario file, a bundled scenario, or a results directory of syncsim run. Scenario"
                + " variants all run with the first variant's seed and replications (common random numbers), so"
                + " differences are paired per seed. The first variant is the baseline.",
            "Example, today's addon (head, the default) against the planning document's generation (seed):",
            "  syncsim compare reload-storm-40 reload-storm-40 --set 2:protocol.profile=seed",
            "      --label 1:head --label 2:seed"},
        footer = {"", "comparison.json in --out holds every difference with its interval, for scripts."})
final class CompareCommand implements Callable<Integer> {
    private static final Pattern INDEXED = Pattern.compile("^(\\d+):(.*)$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @ParentCommand
    SyncSimCli parent;

    @Parameters(paramLabel = "VARIANT", arity = "2..*",
            description = "Scenario files, bundled scenario names or results directories; repeat a name to vary it"
                    + " with --set N:...")
    List<String> variants = new ArrayList<>();

    @Option(names = "--set", paramLabel = "[N:]PATH=VALUE",
            description = "Override a field of variant N (1-based), or of every scenario variant without N:, e.g."
                    + " --set 2:protocol.profile=plan (head against the improvement plan).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--label", paramLabel = "N:TEXT", description = "Name variant N in the report, e.g. --label 2:seed.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "S", description = "Master seed of every scenario variant.")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Replications of every scenario variant.")
    Integer replications;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--out", paramLabel = "DIR", description = {"Output directory (default: results/compare-<first"
            + " name>, or the first results/compare-<first name>-N that holds no other comparison). Must be new, empty,"
            + " or written by SyncSim; only files SyncSim wrote are replaced."})
    Path out;

    @Option(names = "--replace", description = "Replace other results in --out (never files SyncSim did not write).")
    boolean replace;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no difference table.")
    boolean quiet;

    @Option(names = "--allow-large", description = {"Run even when the variants together (results directories are"
            + " simulated again) are estimated at more than an hour or 60 %% of the Java heap, as syncsim run"
            + " --allow-large.", "Without it such a comparison is refused with the estimate (exit 2)."})
    boolean allowLarge;

    /** One variant, resolved before anything runs: its scenario, its results directory if any, its label. */
    private record Variant(LoadedScenario scenario, Reports.ResultDir dir, List<String> applied, String label) {
    }

    @Override
    public Integer call() throws IOException {
        int t = threads.resolve();
        List<Variant> vs = resolveVariants(); // bad input fails here, before anything runs
        RunEstimate estimate = null;
        for (Variant v : vs) {
            RunEstimate e = RunEstimate.of(v.scenario(), t);
            estimate = estimate == null ? e : estimate.plus(e);
        }
        RunCommand.checkSize(estimate, allowLarge, "replications (--replications)");
        List<String> settings = new ArrayList<>();
        sets.forEach(x -> settings.add("--set " + x));
        labels.forEach(x -> settings.add("--label " + x));
        if (seed != null) {
            settings.add("--seed " + seed);
        }
        if (replications != null) {
            settings.add("--replications " + replications);
        }
        List<String> sources = variants.stream().map(v -> Files.isDirectory(Path.of(v))
                ? Path.of(v).toAbsolutePath().normalize().toString() : ResultsDirectory.Identity.source(v)).toList();
        try (ResultsDirectory rd = ResultsDirectory.open(new ResultsDirectory.Request(out != null ? out
                : parent.resultsRoot().resolve("compare-" + vs.get(0).scenario().scenario().name()), "--out", out != null,
                new ResultsDirectory.Identity("compare", sources, settings), replace), spec.commandLine().getErr())) {
            return compareInto(rd, vs, t);
        }
    }

    /** Runs the variants and writes the comparison into {@code rd}'s staging directory, then moves it in. */
    private int compareInto(ResultsDirectory rd, List<Variant> vs, int t) throws IOException {
        List<ReportInput> inputs = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            Variant v = vs.get(i);
            LoadedScenario s = v.scenario();
            Replications results;
            String task = (char) ('A' + Math.min(i, 25)) + ": " + s.scenario().name();
            try (RunCommand.Progress progress = new RunCommand.Progress(task, s.scenario().run().replications(),
                    !quiet && System.console() != null)) {
                results = v.dir() != null ? Reports.rerun(parent.worlds(), v.dir(), t, progress::update)
                        : Reports.run(parent.worlds(), s, t, progress::update);
            } catch (RunFailedException e) {
                spec.commandLine().getErr().println("syncsim: variant " + (i + 1) + ": " + e.getMessage());
                return ExitCodes.SIMULATION_FAILURE;
            }
            inputs.add(Reports.input(s, v.applied(), results, v.label()));
        }
        Comparison cmp = new Comparison(inputs);
        ReportWriter.writeComparison(rd.staging(), cmp, Reports.generator());
        AtomicFiles.write(rd.staging().resolve("comparison.json"), JSON.writeValueAsString(json(cmp)) + "\n");
        rd.commit(f -> false, null);
        Path page = rd.dir().resolve(ReportWriter.COMPARISON);
        PrintWriter o = spec.commandLine().getOut();
        if (!quiet) {
            printTable(o, cmp);
            o.println("comparison in " + page);
        }
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * Every variant with its overrides (common {@code --set}s, its own, then the common random numbers) and its
     * label; results-directory variants keep their recorded overrides.
     */
    private List<Variant> resolveVariants() {
        int n = variants.size();
        List<String> common = new ArrayList<>();
        List<List<String>> perVariant = splitSets(n, common);
        String[] names = explicitLabels(n);
        List<Variant> out = new ArrayList<>();
        List<String> crn = null;
        for (int i = 0; i < n; i++) {
            String v = variants.get(i);
            Path p = Path.of(v);
            LoadedScenario s;
            Reports.ResultDir rd = null;
            List<String> applied;
            if (Files.isDirectory(p) && Reports.isResultDir(p)) {
                if (!perVariant.get(i).isEmpty()) {
                    throw new BadInputException("variant " + (i + 1) + " (" + v + ") is a results directory: give its"
                            + " scenario to change it with --set");
                }
                rd = Reports.readResultDir(p);
                s = rd.scenario();
                applied = rd.overrides();
                if (crn == null) {
                    crn = commonRandomNumbers(s);
                }
            } else if (Files.isDirectory(p)) {
                throw new BadInputException("variant " + (i + 1) + " (" + v + "): a directory without "
                        + org.syncsim.run.ResultFiles.SUMMARY + ", so not a results directory of syncsim run; give a"
                        + " scenario file, a bundled scenario name (syncsim list) or a directory syncsim run wrote");
            } else {
                LoadedScenario base = ScenarioCommands.load(v);
                if (crn == null) {
                    crn = commonRandomNumbers(base);
                }
                applied = new ArrayList<>(common);
                applied.addAll(perVariant.get(i));
                List<String> all = new ArrayList<>(applied);
                all.addAll(crn);
                try {
                    s = ScenarioLoader.override(base, all);
                } catch (ScenarioException e) {
                    throw new BadInputException("variant " + (i + 1) + ": " + e.getMessage(), e);
                }
                ScenarioCommands.checkSupported(parent.worlds(), s);
            }
            String label = names[i] != null ? names[i] : defaultLabel(i, s, applied, rd);
            for (int j = 0; j < out.size(); j++) {
                if (out.get(j).label().equals(label)) {
                    throw new BadInputException("variants " + (j + 1) + " and " + (i + 1) + " are both labelled '"
                            + label + "'; give them different --label N:TEXT");
                }
            }
            out.add(new Variant(s, rd, applied, label));
        }
        return out;
    }

    /** The {@code --set}s per variant ({@code N:PATH=VALUE}); those without {@code N:} go to {@code common}. */
    private List<List<String>> splitSets(int n, List<String> common) {
        List<List<String>> perVariant = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perVariant.add(new ArrayList<>());
        }
        for (String s : sets) {
            String path = s.replaceFirst("^\\d+:", "").replaceFirst("=.*$", "").trim();
            if (path.equals("run.seed") || path.equals("run.replications")) {
                throw new BadInputException("--set " + s + ": every variant runs the same replications on the same"
                        + " seeds (common random numbers); use --seed or --replications");
            }
            Matcher m = INDEXED.matcher(s);
            if (m.matches()) {
                perVariant.get(index(m.group(1), n, "--set " + s)).add(m.group(2));
            } else {
                common.add(s);
            }
        }
        return perVariant;
    }

    /** The {@code --label N:TEXT}s by variant (null where none was given). */
    private String[] explicitLabels(int n) {
        String[] names = new String[n];
        for (String l : labels) {
            Matcher m = INDEXED.matcher(l);
            if (!m.matches()) {
                throw new BadInputException("--label " + l + ": expected N:TEXT, e.g. --label 2:head");
            }
            names[index(m.group(1), n, "--label " + l)] = m.group(2);
        }
        return names;
    }

    /** The seed and replications every scenario variant runs with: the first variant's, unless given. */
    private List<String> commonRandomNumbers(LoadedScenario first) {
        return List.of("run.seed=" + (seed != null ? seed : first.scenario().run().seed()),
                "run.replications=" + (replications != null ? replications : first.scenario().run().replications()));
    }

    private static int index(String digits, int n, String what) {
        int i;
        try {
            i = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            i = -1;
        }
        if (i < 1 || i > n) {
            throw new BadInputException(what + ": variant number must be 1 to " + n);
        }
        return i - 1;
    }

    private static String defaultLabel(int i, LoadedScenario s, List<String> overrides, Reports.ResultDir dir) {
        String letter = String.valueOf((char) ('A' + Math.min(i, 25)));
        String what = dir != null ? s.scenario().name() + " (" + dir.dir() + ")" : s.scenario().name();
        return letter + ": " + what + (overrides.isEmpty() || dir != null ? "" : " " + String.join(" ", overrides));
    }

    private static Map<String, Object> json(Comparison cmp) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> vs = new ArrayList<>();
        for (int i = 0; i < cmp.variants().size(); i++) {
            ReportInput v = cmp.variants().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", v.label());
            m.put("scenario", v.scenario());
            m.put("overrides", v.overrides());
            m.put("seeds", v.replications().seeds());
            m.put("paired_with_baseline", i == 0 || cmp.pairedWithBaseline(i));
            vs.add(m);
        }
        root.put("variants", vs);
        Map<String, Object> diffs = new LinkedHashMap<>();
        for (String metric : cmp.metrics()) {
            List<Map<String, Object>> row = new ArrayList<>();
            for (int i = 1; i < cmp.variants().size(); i++) {
                Comparison.Difference d = cmp.difference(metric, i);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("variant", d.variant());
                m.put("baseline_mean", orNull(d.baseline().mean()));
                m.put("mean", orNull(d.value().mean()));
                m.put("difference", orNull(d.difference().mean()));
                m.put("n", d.difference().n());
                m.put("ci95_low", d.difference().low());
                m.put("ci95_high", d.difference().high());
                m.put("paired", d.paired());
                row.add(m);
            }
            diffs.put(metric, row);
        }
        root.put("differences", diffs);
        return root;
    }

    /** JSON has no NaN: a mean without values is written as null. */
    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static void printTable(PrintWriter o, Comparison cmp) {
        o.printf(Locale.ROOT, "baseline %s%n", cmp.variants().get(0).label());
        for (int i = 1; i < cmp.variants().size(); i++) {
            o.printf(Locale.ROOT, "%s minus baseline (%s 95%% CI):%n", cmp.variants().get(i).label(),
                    cmp.pairedWithBaseline(i) ? "paired" : "Welch");
            for (String metric : RunReportPage.HEADLINE_METRICS.keySet()) {
                if (!cmp.metrics().contains(metric)) {
                    continue;
                }
                MeanCi d = cmp.difference(metric, i).difference();
                if (!d.hasValue()) {
                    o.printf(Locale.ROOT, "  %-24s %14s   (no replication of both has a value)%n", metric, "-");
                    continue;
                }
                o.printf(Locale.ROOT, "  %-24s %+14.4f%s%s%n", metric, d.mean(), d.low() == null ? ""
                        : String.format(Locale.ROOT, "   [%+.4f, %+.4f]%s", d.low(), d.high(),
                                d.excludesZero() ? " *" : ""),
                        d.n() == cmp.variants().get(i).replications().size() ? ""
                                : "   (over " + d.n() + " replications)");
            }
        }
    }
}
