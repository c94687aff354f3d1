package org.syncsim.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.Replications;

/**
 * A {@link Cell}'s results file, e.g. {@code cells/<id>/summary.json}, in the format of {@code syncsim run}'s (every
 * metric per replication with its seed, the aggregates, the resolved scenario and the overrides), and its
 * {@link Watch}'s file if it has one: written atomically as the cell finishes (the watch's first), recognised as
 * finished when a rerun finds both with the same resolved scenario and overrides, and read back for the page, which
 * shows nothing these files do not hold.
 */
public final class CellFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CellFiles() {
    }

    /**
     * Writes the cell's files under {@code staging}, naming sheet files as seen from {@code dir}'s cell; {@code seen}
     * is what the cell's watch saw in each replication (ignored without a watch).
     */
    public static void write(Path staging, Path dir, Cell cell, Replications results, List<Serializable> seen)
            throws IOException {
        if (cell.watch() != null) {
            AtomicFiles.write(staging.resolve(cell.watch().file(cell)), cell.watch().text(cell, seen));
        }
        AtomicFiles.write(staging.resolve(cell.file()), text(dir, cell, results));
    }

    /** The cell's files, relative to the batch's directory: its results and its watch's. */
    public static List<String> files(Cell cell) {
        return cell.watch() == null ? List.of(cell.file()) : List.of(cell.file(), cell.watch().file(cell));
    }

    /**
     * Whether {@code dir} already holds the cell's results for the same resolved scenario, overrides, seed and
     * replications (a matrix edited since gives other cells, which run again).
     */
    public static boolean finished(Path dir, Cell cell) {
        Path f = dir.resolve(cell.file());
        if (!files(cell).stream().allMatch(x -> Files.isRegularFile(dir.resolve(x)))) {
            return false;
        }
        try {
            JsonNode have = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
            JsonNode want = JSON.readTree(text(dir, cell, new Replications()));
            return have.path("resolved_scenario").equals(want.path("resolved_scenario"))
                    && have.path("overrides").equals(want.path("overrides"))
                    && have.path("per_replication").size() == cell.resolved().scenario().run().replications();
        } catch (IOException e) {
            return false; // damaged: run it again
        }
    }

    /**
     * A finished cell's results as read back: every scalar metric per replication (NaN where the replication has
     * no value, a time to sync where no wait ended; 0 where it lacks the metric, a command nobody sent), with the
     * seeds they ran on.
     */
    public record Values(List<Long> seeds, Map<String, double[]> metrics) {
    }

    /** Reads a finished cell's results back. */
    public static Values read(Path dir, Cell cell) throws IOException {
        JsonNode root = JSON.readTree(Files.readString(dir.resolve(cell.file()), StandardCharsets.UTF_8));
        JsonNode reps = root.path("per_replication");
        List<Long> seeds = new ArrayList<>();
        Map<String, double[]> metrics = new HashMap<>();
        for (int i = 0; i < reps.size(); i++) {
            JsonNode r = reps.get(i);
            seeds.add(r.path("seed").asLong());
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("metrics").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                double[] v = metrics.computeIfAbsent(e.getKey(), k -> new double[reps.size()]);
                v[i] = e.getValue().isNull() ? Double.NaN : e.getValue().asDouble();
            }
        }
        return new Values(seeds, metrics);
    }

    private static String text(Path dir, Cell cell, Replications results) throws IOException {
        return ResultFiles.summaryJson(dir.resolve(cell.file()).getParent(), cell.resolved(), cell.overrides(),
                results);
    }
}
