package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The progress columns of {@code timeline.csv} and the long-format {@code progress.csv} of a real storm agree with
 * each other and with {@code clients.csv}: a client's progress at the end is 1 exactly when it ends holding the
 * newest data intact (neither waiting nor desynced).
 */
class ProgressResultsTest {
    private static final int REPLICATIONS = 2;

    @TempDir
    Path dir;

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    @Test
    void timelineProgressColumnsAreTheAggregatesOfProgressCsvAndItsEndMatchesClientsCsv() throws IOException {
        CommandLine cl = SyncSimCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("run", "late-joiner", "--replications", String.valueOf(REPLICATIONS), "--seed", "3",
                "--quiet", "--out", dir.toString()), err.toString());

        List<String[]> clients = rows(dir.resolve("clients.csv"));
        List<String> clientHeader = List.of(clients.get(0));
        int n = (clients.size() - 1) / REPLICATIONS;
        List<String[]> progress = rows(dir.resolve("progress.csv"));
        assertEquals(List.of("replication", "t_s", "client", "name", "progress"), List.of(progress.get(0)));
        List<String[]> timeline = rows(dir.resolve("timeline.csv"));
        List<String> header = List.of(timeline.get(0));
        int mean = header.indexOf("progress_mean");
        int min = header.indexOf("progress_min");
        int complete = header.indexOf("members_complete");
        assertEquals(List.of(header.size() - 3, header.size() - 2, header.size() - 1), List.of(mean, min, complete));

        int intermediate = 0;
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            Map<String, List<String[]>> changesAt = new HashMap<>();
            for (String[] p : progress.subList(1, progress.size())) {
                if (Integer.parseInt(p[0]) == rep) {
                    changesAt.computeIfAbsent(p[1], k -> new ArrayList<>()).add(p);
                }
            }
            double[] now = new double[n];
            Arrays.fill(now, Double.NaN);
            for (String[] t : timeline.subList(1, timeline.size())) {
                if (Integer.parseInt(t[0]) != rep) {
                    continue;
                }
                for (String[] p : changesAt.getOrDefault(t[1], List.of())) {
                    double v = Double.parseDouble(p[4]);
                    now[Integer.parseInt(p[2])] = v;
                    intermediate += v > 0 && v < 1 ? 1 : 0;
                }
                double sum = 0;
                double lowest = 1;
                int full = 0;
                for (double v : now) {
                    assertTrue(v >= 0 && v <= 1, "every client is listed from the first bucket: " + v);
                    sum += v;
                    lowest = Math.min(lowest, v);
                    full += v == 1 ? 1 : 0;
                }
                String at = "replication " + rep + " t " + t[1];
                assertEquals(sum / n, Double.parseDouble(t[mean]), 1e-5, at);
                assertEquals(lowest, Double.parseDouble(t[min]), 1e-6, at);
                assertEquals(full, Integer.parseInt(t[complete]), at);
            }
            for (String[] c : clients.subList(1, clients.size())) {
                if (Integer.parseInt(c[0]) != rep) {
                    continue;
                }
                boolean intact = c[clientHeader.indexOf("waiting_at_end")].equals("false")
                        && c[clientHeader.indexOf("desynced_at_end")].equals("false");
                assertEquals(intact, now[Integer.parseInt(c[1])] == 1, "replication " + rep + " " + c[2]);
            }
        }
        assertTrue(intermediate > 0, "pushes in flight show as values between 0 and 1");
    }
}
