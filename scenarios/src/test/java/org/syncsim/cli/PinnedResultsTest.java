package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.scenario.BundledScenarios;
import picocli.CommandLine;

/**
 * Every bundled scenario's results, pinned: the SHA-256 of {@code summary.json}, {@code clients.csv},
 * {@code timeline.csv}, {@code progress.csv} and one replication's event trace for a fixed seed, against
 * {@code src/test/resources/pinned-results.tsv}. A refactoring or an optimisation must leave every line as it is;
 * a change meant to alter behaviour re-pins in its own commit ({@code mvn -pl scenarios test
 * -Dtest=PinnedResultsTest -Dsyncsim.repin=true}, then say in the commit what changed and why).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // each test runs every bundled scenario: about 1 min here, 2 loaded
class PinnedResultsTest {
    static final Path PINS = Path.of("src", "test", "resources", "pinned-results.tsv");
    private static final List<String> HEADER = List.of(
            "# Pinned results of every bundled scenario (seed 7, 3 replications, trace of replication 1): case, file,"
                    + " SHA-256.",
            "# Written by PinnedResultsTest with -Dsyncsim.repin=true; see that class before you change a line.");
    private static final List<String> FILES = List.of("summary.json", "clients.csv", "timeline.csv", "progress.csv",
            "trace.tsv");

    @TempDir
    Path dir;

    /**
     * The pinned cases: each bundled scenario as shipped, a few variants, and the import under i.i.d. latency (the
     * default before {@code correlated}, whose results must not move).
     */
    static Map<String, List<String>> cases() {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        for (String name : BundledScenarios.names()) {
            cases.put(name, List.of(name));
        }
        cases.put("late-joiner@seed", List.of("late-joiner", "--set", "protocol.profile=seed"));
        cases.put("late-joiner@big-sheet", List.of("late-joiner", "--set", "data.rows=80"));
        cases.put("leader-import-40@iid", List.of("leader-import-40", "--set", "channel.latency={model: lognormal}"));
        return cases;
    }

    /** The lines of the pin file for the current code: {@code case<TAB>file<TAB>sha256}. */
    private List<String> currentPins() throws IOException {
        List<String> lines = new ArrayList<>();
        for (var c : cases().entrySet()) {
            Path out = run(c.getKey(), c.getValue());
            for (String f : FILES) {
                lines.add(c.getKey() + "\t" + f + "\t" + sha256(Files.readAllBytes(out.resolve(f))));
            }
        }
        return lines;
    }

    /** Runs {@code syncsim run ARGS} as the pins do (seed 7, 3 replications, trace of 1) into {@code dir/name}. */
    private Path run(String name, List<String> scenarioArgs) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(scenarioArgs);
        args.addAll(List.of("--seed", "7", "--replications", "3", "--threads", "2", "--quiet", "--out",
                out.toString(), "--trace", out.resolve("trace.tsv").toString(), "--trace-replication", "1"));
        CommandLine cl = SyncSimCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute(args.toArray(String[]::new)), name + ": " + err);
        return out;
    }

    /**
     * The plan profile with every policy off is the addon as it is: every bundled scenario whose members all run
     * {@code protocol.profile} gives the same results byte for byte under head and under plan with
     * {@code policies: {default: off}} (the summary's header names the profile and the overrides, so its
     * per-replication and aggregate parts are compared).
     */
    @Test
    void planWithEveryPolicyOffIsHeadByteForByte() throws IOException {
        for (String name : BundledScenarios.names()) {
            if (BundledScenarios.load(name).scenario().raid().members().stream().anyMatch(m -> m.profile() != null)) {
                continue;
            }
            Path head = run(name + "@head", List.of(name, "--set", "protocol.profile=head"));
            Path plan = run(name + "@plan-off", List.of(name, "--set", "protocol.profile=plan", "--set",
                    "protocol.policies={default: off}"));
            for (String f : List.of("clients.csv", "timeline.csv", "progress.csv", "trace.tsv")) {
                assertEquals(Files.readString(head.resolve(f)), Files.readString(plan.resolve(f)), name + " " + f);
            }
            JsonNode h = new ObjectMapper().readTree(head.resolve("summary.json").toFile());
            JsonNode p = new ObjectMapper().readTree(plan.resolve("summary.json").toFile());
            assertEquals("plan", p.get("profile").asText(), name);
            for (String part : List.of("per_replication", "aggregate")) {
                assertEquals(h.get(part), p.get(part), name + " summary.json " + part);
            }
        }
    }

    @Test
    void everyBundledScenarioGivesItsPinnedResults() throws IOException {
        List<String> now = currentPins();
        if (Boolean.getBoolean("syncsim.repin")) {
            List<String> file = new ArrayList<>(HEADER);
            file.addAll(now);
            Files.write(PINS, file, StandardCharsets.UTF_8);
            return;
        }
        List<String> pinned;
        try (Stream<String> s = Files.lines(PINS)) {
            pinned = s.filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        assertEquals(String.join("\n", pinned), String.join("\n", now),
                "results changed; if that is intended, re-pin in a commit of its own (see this class's Javadoc)");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
