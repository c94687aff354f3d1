package org.syncsim.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.syncsim.explore.Finding;
import org.syncsim.explore.FlawMonitor;
import org.syncsim.report.design.FlawFinding;
import org.syncsim.run.Cell;
import org.syncsim.run.ReplicationRunner;
import org.syncsim.run.Watch;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.RosterEntry;

/**
 * A design cell's flaw checks: every replication runs the explorer's {@link FlawMonitor}, and the cell's
 * {@code flaws.json} lists per replication its seed and each finding's key, invariant, the spec §9 flaws behind it
 * ({@link Finding#flaws}), whether the finding names that flaw itself, and what happened.
 */
public final class FlawWatch implements Watch {
    /** The one watch: it has no settings. */
    public static final FlawWatch INSTANCE = new FlawWatch();
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlawWatch() {
    }

    @Override
    public Watcher start(LoadedScenario s) {
        return new FlawMonitor(s.roster().stream().map(RosterEntry::name).toList());
    }

    @Override
    public String file(Cell cell) {
        return ((DesignCell) cell).flawsFile();
    }

    @Override
    public String text(Cell cell, List<Serializable> seen) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cell", ((DesignCell) cell).id());
        root.put("about", "flaw findings per replication: the explorer's checks for the invariants a spec section 9"
                + " flaw can break (syncsim explore, docs/reports.md)");
        ArrayNode reps = root.putArray("per_replication");
        for (int i = 0; i < seen.size(); i++) {
            ObjectNode r = reps.addObject();
            r.put("seed", ReplicationRunner.seedOf(cell.resolved(), i));
            ArrayNode fs = r.putArray("findings");
            @SuppressWarnings("unchecked")
            List<Finding> findings = (List<Finding>) seen.get(i);
            for (Finding f : findings) {
                fs.addObject().put("key", f.key()).put("invariant", f.invariant().key()).put("flaws", f.flaws())
                        .put("named", f.namesItsFlaw()).put("detail", f.detail());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a finished cell's flaws file back: per replication, its findings. */
    static List<List<FlawFinding>> read(Path dir, DesignCell cell) throws IOException {
        JsonNode reps = JSON.readTree(Files.readString(dir.resolve(cell.flawsFile()), StandardCharsets.UTF_8))
                .path("per_replication");
        List<List<FlawFinding>> out = new ArrayList<>();
        for (JsonNode r : reps) {
            List<FlawFinding> fs = new ArrayList<>();
            for (JsonNode f : r.path("findings")) {
                fs.add(new FlawFinding(f.path("key").asText(), f.path("invariant").asText(), f.path("flaws").asText(),
                        f.path("named").asBoolean()));
            }
            out.add(fs);
        }
        return out;
    }

    /** The one instance, also after deserialisation. */
    private Object readResolve() {
        return INSTANCE;
    }
}
