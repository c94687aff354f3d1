package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.World;
import org.syncsim.run.WorldFactory;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.Latency;
import org.syncsim.scenario.Loss;
import picocli.CommandLine;

/** {@code syncsim run} on a trivial world: files, overrides, exit codes. */
class RunCommandTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    /** Every member syncs one second after an import, except members named Never; one PING per sync. */
    static final WorldFactory TRIVIAL = (s, sim, rec) -> {
        for (var e : s.roster()) {
            rec.initialData(e.id(), s.scenario().data().timestamp());
            rec.memberJoined(0, e.id());
            rec.progress(0, e.id(), 1);
        }
        return new World() {
            @Override
            public void importData(long now, int client, List<Integer> changed) {
                long ts = s.scenario().data().timestamp() + 1;
                rec.dataImported(now, client, ts);
                for (var e : s.roster()) {
                    if (e.id() != client) {
                        rec.progress(now, e.id(), 0);
                    }
                    if (e.id() != client && !e.name().startsWith("Never")) {
                        sim.post(now + 1_000_000, t -> {
                            rec.messageSent(t, client, "PING", 10, 0);
                            rec.clientSynced(t, e.id(), ts);
                            rec.progress(t, e.id(), 1);
                        });
                    }
                }
            }

            public void join(long now, int c) { }
            public void leave(long now, int c) { }
            public void disconnect(long now, int c) { }
            public void reconnect(long now, int c) { }
            public void reload(long now, int c, long l) { }
            public void loadingScreen(long now, int c, long m) { }
            public void navigate(long now, int c, int section) { }
            public void syncAll(long now, int c) { }
            public void fullSync(long now, int c) { }
            public void network(long now, int c, Latency l, Loss o) { }
            public void rogue(long now, int c, Action.Rogue r, int k) { }
            public boolean settled() { return true; }
            public void finish(long now) { }
        };
    };

    static Outcome run(WorldFactory worlds, String... args) {
        return run(SyncSimCli.commandLine(worlds), args);
    }

    /** Runs {@code cl} on {@code args}, capturing its exit code and what it printed. */
    static Outcome run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Path scenario(String yaml) throws IOException {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static final String SMALL = """
            # Three members, one import.
            raid:
              members: [ { name: A, role: leader }, { name: B }, { name: C } ]
            timeline: [ { t: 10s, do: import, who: A } ]
            run: { replications: 3, until: all-synced, settle: 2s }
            """;

    @Test
    void aRunWhereNoWaitEndedWritesNoTimeToSyncRatherThanZero() throws IOException {
        Path out = dir.resolve("out");
        Outcome o = run(TRIVIAL, "run", scenario("""
                raid:
                  members: [ { name: A, role: leader }, { name: Never1 } ]
                timeline: [ { t: 10s, do: import, who: A } ]
                run: { replications: 2, until: t 30s }
                """).toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("time_to_sync_p50_s                    -   (no wait ended in any replication)"),
                o.out());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode p50 = summary.get("aggregate").get("time_to_sync_p50_s");
        assertEquals(0, p50.get("n").asInt());
        assertTrue(p50.get("mean").isNull(), p50.toString());
        assertTrue(p50.get("max").isNull(), p50.toString());
        assertTrue(summary.get("per_replication").get(0).get("metrics").get("time_to_sync_max_s").isNull());
        assertEquals(2, summary.get("aggregate").get("sent_bytes").get("n").asInt(), "other metrics count every run");
    }

    @Test
    void anOutThatIsAFileIsBadInputBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Outcome o = run(TRIVIAL, "run", scenario(SMALL).toString(), "--out", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertEquals("syncsim: --out " + file + ": is a file, expected a directory\n", o.err());
        assertEquals("", o.out(), "no replication ran, no summary printed");
        assertEquals(ExitCodes.BAD_INPUT, run(TRIVIAL, "run", scenario(SMALL).toString(), "--out", "").code());
        Outcome t = run(TRIVIAL, "run", scenario(SMALL).toString(), "--out", dir.resolve("o").toString(),
                "--trace", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, t.code(), t.err());
        assertTrue(t.err().contains("--trace " + dir + ": is a directory, expected a file name"), t.err());
        Path results = dir.resolve("o2");
        Outcome clash = run(TRIVIAL, "run", scenario(SMALL).toString(), "--out", results.toString(),
                "--trace", results.resolve("summary.json").toString());
        assertEquals(ExitCodes.BAD_INPUT, clash.code(), clash.err());
        assertTrue(clash.err().contains("is one of the run's result files"), clash.err());
        Outcome self = run(TRIVIAL, "run", scenario(SMALL).toString(), "--out", results.toString(),
                "--trace", scenario(SMALL).toString());
        assertEquals(ExitCodes.BAD_INPUT, self.code(), self.err());
        assertTrue(self.err().contains("is the scenario file being run"), self.err());
    }

    @Test
    void aRunawayReplicationExitsOneAndSaysWhichCapItHit() throws IOException {
        Outcome o = run(org.syncsim.run.StandardWorld.FACTORY, "run", scenario("""
                raid: { size: 40 }
                timeline: [ { t: 10s, do: import, who: Raider01 } ]
                run: { replications: 2, until: t 60s, event-cap: 1000 }
                """).toString(), "--out", dir.resolve("out").toString(), "-q");
        assertEquals(ExitCodes.SIMULATION_FAILURE, o.code(), o.out());
        assertTrue(o.err().contains("processed more than run.event-cap = 1000 events"), o.err());
    }

    @Test
    void runWritesSummaryClientsAndTimelineAndNothingElse() throws IOException {
        Path out = dir.resolve("out");
        Outcome o = run(TRIVIAL, "run", scenario(SMALL).toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(".syncsim-results.json", "clients.csv", "progress.csv", "run-info.json",
                    "summary.json", "timeline.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("small", summary.get("scenario").asText());
        assertEquals("Three members, one import.", summary.get("description").asText());
        assertEquals("head", summary.get("profile").asText());
        assertEquals(3, summary.get("per_replication").size());
        JsonNode tts = summary.get("aggregate").get("time_to_sync_max_s");
        assertEquals(1.0, tts.get("mean").asDouble());
        assertEquals(1.0, tts.get("ci95_low").asDouble(), "identical replications: a zero-width interval");
        assertEquals(2.0, summary.get("aggregate").get("sent_messages.PING").get("mean").asDouble());
        assertFalse(summary.toString().contains("wall_time"), "wall time stays out of summary.json");
        assertTrue(Files.readString(out.resolve("run-info.json")).contains("wall_time_s"));

        List<String> clients = Files.readAllLines(out.resolve("clients.csv"));
        assertEquals(1 + 3 * 3, clients.size(), "a header and a row per replication and client");
        assertTrue(clients.get(0).startsWith("replication,client,name,role,time_to_sync_s,"), clients.get(0));
        assertTrue(clients.get(0).endsWith(",sent_messages.PING,sent_bytes.PING,received_messages.PING,received_bytes.PING"));
        assertTrue(clients.get(2).startsWith("0,1,B,member,1,1,1,false,false,"), clients.get(2));
        List<String> timeline = Files.readAllLines(out.resolve("timeline.csv"));
        assertTrue(timeline.get(0).startsWith("replication,t_s,sent_messages,sent_bytes,sent_messages.PING,"));
        assertTrue(timeline.get(0).endsWith(",disconnects,progress_mean,progress_min,members_complete"));
        assertTrue(timeline.contains("0,10,0,0,0,0,0,0,0,0,0.333333,0,1"),
                "B and C wait: " + String.join("\n", timeline));
        assertTrue(timeline.contains("0,11,2,20,2,20,0,0,0,0,1,1,3"), String.join("\n", timeline));
        List<String> progress = Files.readAllLines(out.resolve("progress.csv"));
        assertEquals(List.of("replication,t_s,client,name,progress", "0,0,0,A,1", "0,0,1,B,1", "0,0,2,C,1",
                "0,10,1,B,0", "0,10,2,C,0", "0,11,1,B,1", "0,11,2,C,1"), progress.subList(0, 8),
                "every client at the start, then each change at the end of its bucket");
        assertEquals(1 + 3 * 7, progress.size(), "seven rows per replication");
    }

    @Test
    void setOverridesAFieldAndTheSummaryShowsTheResolvedScenario() throws IOException {
        Path out = dir.resolve("o");
        Outcome o = run(TRIVIAL, "run", scenario(SMALL).toString(), "--out", out.toString(), "--quiet",
                "--set", "raid.size=5", "--set", "timeline[0].t=20s", "--seed", "9", "--replications", "2");
        assertEquals(0, o.code(), o.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(5, summary.get("resolved_scenario").get("raid").get("size").asInt());
        assertEquals("20s", summary.get("resolved_scenario").get("timeline").get(0).get("t").asText());
        assertEquals(9, summary.get("seed").asLong());
        assertEquals(2, summary.get("replications").asInt());
        assertEquals(4.0, summary.get("aggregate").get("sent_messages").get("mean").asDouble(), "4 others sync");
        assertEquals("", o.out(), "--quiet prints nothing");
    }

    @Test
    void setWithAWrongTypeIsBadInputNamingThePathAndTheExpectation() throws IOException {
        Outcome o = run(TRIVIAL, "run", scenario(SMALL).toString(), "--set", "run.seed=abc");
        assertEquals(ExitCodes.BAD_INPUT, o.code());
        assertTrue(o.err().contains("run.seed: expected a whole number, got \"abc\""), o.err());
        Outcome t = run(TRIVIAL, "run", scenario(SMALL).toString(), "--set", "timeline[0].t=-1s");
        assertTrue(t.err().contains("timeline[0].t: negative time \"-1s\""), t.err());
        Outcome empty = run(TRIVIAL, "run", scenario(SMALL).toString(), "--set", "raid.size=");
        assertEquals(ExitCodes.BAD_INPUT, empty.code(), "an empty value is no value, not the default");
        assertTrue(empty.err().contains("--set raid.size=: no value after '='"), empty.err());
    }

    @Test
    void setWithAnUnknownFieldSuggestsTheClosest() throws IOException {
        Outcome o = run(TRIVIAL, "run", scenario(SMALL).toString(), "--set", "raid.sise=5");
        assertEquals(ExitCodes.BAD_INPUT, o.code());
        assertTrue(o.err().contains("raid: unknown field \"sise\"; did you mean \"size\"?"), o.err());
        Outcome bad = run(TRIVIAL, "run", scenario(SMALL).toString(), "--set", "timeline[3].t=1s");
        assertTrue(bad.err().contains("timeline has 1 entries"), bad.err());
        Outcome semantic = run(TRIVIAL, "run", scenario(SMALL).toString(), "--set", "timeline[0].who=Zed");
        assertTrue(semantic.err().contains("timeline[0].who: no member named \"Zed\""), semantic.err());
    }

    @Test
    void failOnNeverSyncedExitsOneOnlyWhenAMemberStaysStale() throws IOException {
        Path stale = scenario(SMALL.replace("{ name: C }", "{ name: NeverC }"));
        Outcome o = run(TRIVIAL, "run", stale.toString(), "--out", dir.resolve("x").toString(), "--quiet",
                "--fail-on", "never-synced,desync", "--set", "run.limit=1m");
        assertEquals(ExitCodes.SIMULATION_FAILURE, o.code());
        assertTrue(o.err().contains("failed on never-synced"), o.err());
        assertTrue(Files.exists(dir.resolve("x/summary.json")), "results are written before failing");
        Outcome ok = run(TRIVIAL, "run", scenario(SMALL).toString(), "--out", dir.resolve("y").toString(), "--quiet",
                "--fail-on", "never-synced", "--fail-on", "disconnect");
        assertEquals(0, ok.code(), ok.err());
        Outcome unknown = run(TRIVIAL, "run", scenario(SMALL).toString(), "--fail-on", "sometimes");
        assertEquals(ExitCodes.BAD_INPUT, unknown.code());
    }

    @Test
    void aRerunThatFailsHalfWayLeavesNoSummaryOfThePreviousRun() throws IOException {
        Path out = dir.resolve("again");
        Path f = scenario(SMALL);
        assertEquals(0, run(TRIVIAL, "run", f.toString(), "--out", out.toString(), "--quiet").code());
        // timeline.csv cannot be replaced by a file while it is a non-empty directory: the rerun fails after
        // writing clients.csv, before its summary
        Files.delete(out.resolve("timeline.csv"));
        Files.createDirectories(out.resolve("timeline.csv").resolve("blocker"));
        Outcome o = run(TRIVIAL, "run", f.toString(), "--out", out.toString(), "--quiet", "--seed", "7",
                "--replace");
        assertEquals(ExitCodes.INTERNAL_ERROR, o.code(), o.err());
        assertFalse(Files.exists(out.resolve("summary.json")),
                "the old summary.json must not vouch for the new clients.csv");
    }

    @Test
    void summaryIsByteIdenticalForAnyThreadCount() throws IOException {
        Path f = scenario(SMALL);
        assertEquals(0, run(TRIVIAL, "run", f.toString(), "--out", dir.resolve("t1").toString(), "--threads", "1").code());
        assertEquals(0, run(TRIVIAL, "run", f.toString(), "--out", dir.resolve("t2").toString(), "--threads", "2").code());
        for (String name : List.of("summary.json", "clients.csv", "timeline.csv", "progress.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(name)),
                    Files.readAllBytes(dir.resolve("t2").resolve(name)), name);
        }
    }

}
