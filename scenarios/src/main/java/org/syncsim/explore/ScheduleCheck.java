package org.syncsim.explore;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.syncsim.run.CellEngine;
import org.syncsim.run.StandardWorld;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * Schedule {@code i}'s run and checks ({@link Explorer#check}) as a task any {@link CellEngine} runs. It carries the
 * base scenario as its YAML text (a few kilobytes, so an executor needs no access to the file or to the
 * {@code --set}s) and the explorer's settings; an executor rebuilds the explorer once per JVM on the standard world,
 * while the local engine uses the driver's own (with the world the command was given).
 */
final class ScheduleCheck implements CellEngine.IndexTask<ArrayList<Finding>> {
    private static final long serialVersionUID = 1L;
    private static final Map<ScheduleCheck, Explorer> EXECUTOR_EXPLORERS = new ConcurrentHashMap<>();

    private final String source;
    private final String name;
    private final String baseYaml;
    private final Explorer.Settings settings;
    private final transient Explorer local;

    ScheduleCheck(Explorer explorer) {
        LoadedScenario base = explorer.base();
        this.source = base.source();
        this.name = base.scenario().name();
        this.baseYaml = ScenarioLoader.toYaml(base.scenario());
        this.settings = explorer.settings();
        this.local = explorer;
        if (!rebuild().scenario().equals(base.scenario())) {
            throw new IllegalStateException(source + ": the base scenario does not load back from its YAML text, so"
                    + " an executor would explore another scenario");
        }
    }

    @Override
    public ArrayList<Finding> run(int index) {
        Explorer e = local != null ? local
                : EXECUTOR_EXPLORERS.computeIfAbsent(this, k -> new Explorer(StandardWorld.FACTORY, rebuild(), settings));
        return new ArrayList<>(e.check(e.schedule(index)));
    }

    private LoadedScenario rebuild() {
        return ScenarioLoader.load(source, baseYaml, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScheduleCheck c && c.source.equals(source) && c.name.equals(name)
                && c.baseYaml.equals(baseYaml) && c.settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return baseYaml.hashCode() * 31 + settings.hashCode();
    }
}
