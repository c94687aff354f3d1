package org.syncsim.design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.syncsim.report.design.BaseScenario;
import org.syncsim.report.design.CellResult;
import org.syncsim.run.Cell;
import org.syncsim.run.CellFiles;
import org.syncsim.scenario.LoadedScenario;

/**
 * One cell of a design matrix: a base scenario (event, raid size, sheet, network) under one configuration, with
 * the overrides that make it from its bundled scenario or file and the command that reproduces it.
 *
 * @param id the cell's directory name under {@code cells/}: {@code <base>--<configuration>}
 * @param base the base scenario's id, {@code <event>-<size>-<sheet>-<network>}
 * @param configuration the configuration's id
 * @param scenario the bundled scenario name or file the cell starts from
 * @param overrides every {@code --set} the cell applies, in order (seed and replications last)
 * @param resolved the scenario with the overrides applied
 */
public record DesignCell(String id, BaseScenario base, String configuration, String scenario, List<String> overrides,
        LoadedScenario resolved) implements Cell {
    public DesignCell {
        overrides = List.copyOf(overrides);
    }

    /** The results file of the cell, relative to the report's directory. */
    @Override
    public String file() {
        return "cells/" + id + "/summary.json";
    }

    /** The flaws found in each replication of the cell ({@link FlawWatch}), beside {@link #file}. */
    public String flawsFile() {
        return "cells/" + id + "/flaws.json";
    }

    /** Every replication runs the explorer's flaw checks, for the page's flaws per configuration. */
    @Override
    public FlawWatch watch() {
        return FlawWatch.INSTANCE;
    }

    /** Reads the finished cell's results and flaws back from the report's directory {@code dir}. */
    public CellResult read(Path dir) throws IOException {
        CellFiles.Values v = CellFiles.read(dir, this);
        return new CellResult(id, base.id(), configuration, file(), flawsFile(), command(), v.seeds(), v.metrics(),
                FlawWatch.read(dir, this));
    }
}
