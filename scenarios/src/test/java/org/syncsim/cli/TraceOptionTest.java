package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.StandardWorld;

/** {@code syncsim run --trace}: the event trace of one replication. */
class TraceOptionTest {
    @TempDir
    Path dir;

    /** Six members, an import and a reload: a small scenario whose trace is a few hundred events. */
    static final String RAID = """
            raid: { size: 6 }
            timeline:
              - { t: 10s, do: import, who: Raider01 }
              - { t: 12s, do: reload, who: Raider04 }
            run: { replications: 3, until: all-synced, limit: 5m }
            """;

    private Path scenario() throws IOException {
        Path f = dir.resolve("raid.yaml");
        Files.writeString(f, RAID);
        return f;
    }

    @Test
    void traceListsTheActionsAndEverySendOfTheTracedReplication() throws IOException {
        Path out = dir.resolve("out");
        Path trace = dir.resolve("trace.tsv");
        var o = RunCommandTest.run(StandardWorld.FACTORY, "run", scenario().toString(), "--out", out.toString(),
                "--trace", trace.toString(), "--trace-replication", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("trace of replication 2 in " + trace), o.out());

        List<String> lines = Files.readAllLines(trace);
        assertTrue(lines.get(0).startsWith("# SyncSim event trace: scenario raid, replication 2, seed "), lines.get(0));
        List<String[]> rows = lines.stream().filter(l -> !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
        double last = 0;
        for (String[] r : rows) {
            assertEquals(3, r.length, String.join("|", r));
            double t = Double.parseDouble(r[0]);
            assertTrue(t >= last, "time never goes back: " + t + " after " + last);
            last = t;
        }
        assertTrue(rows.stream().anyMatch(r -> r[1].equals("action") && r[2].equals("importData client=0 Raider01")));
        assertTrue(rows.stream().anyMatch(r -> r[1].equals("action") && r[2].equals("reload client=3 Raider04")));
        assertTrue(rows.stream().anyMatch(r -> r[1].equals("deliver")));
        assertEquals("stop", rows.get(rows.size() - 1)[1]);

        JsonNode rep = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("per_replication").get(2);
        long sends = rows.stream().filter(r -> r[1].equals("send")).count();
        assertEquals(rep.get("metrics").get("sent_messages").asLong(), sends,
                "one send line per message the replication's results count (no warm-up here)");
        assertTrue(rows.get(rows.size() - 1)[2].startsWith(rep.get("stop").asText() + " "), "the same stop");
    }

    @Test
    void theSameTraceTwiceAndABadReplicationIsRefused() throws IOException {
        Path a = dir.resolve("a.tsv");
        Path b = dir.resolve("b.tsv");
        assertEquals(0, RunCommandTest.run(StandardWorld.FACTORY, "run", scenario().toString(), "-q", "--out",
                dir.resolve("o1").toString(), "--trace", a.toString(), "--threads", "1").code());
        assertEquals(0, RunCommandTest.run(StandardWorld.FACTORY, "run", scenario().toString(), "-q", "--out",
                dir.resolve("o2").toString(), "--trace", b.toString(), "--threads", "2").code());
        assertEquals(Files.readString(a), Files.readString(b));

        var bad = RunCommandTest.run(StandardWorld.FACTORY, "run", scenario().toString(), "-q", "--out",
                dir.resolve("o3").toString(), "--trace", a.toString(), "--trace-replication", "3");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--trace-replication 3: expected 0 to 2 (the scenario runs 3 replications)"),
                bad.err());
    }
}
