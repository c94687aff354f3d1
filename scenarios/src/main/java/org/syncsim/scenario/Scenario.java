package org.syncsim.scenario;

import java.util.List;

/**
 * A scenario file: who is in the raid, what data they hold, the channel and protocol, what happens when, and
 * how to run it. Every section is optional; missing values take documented defaults.
 *
 * @param name short name used for the results directory (default: the file name without extension)
 * @param description one line on what the scenario shows (default: the file's first comment line)
 */
public record Scenario(
        String name,
        String description,
        Raid raid,
        DataSpec data,
        ChannelSpec channel,
        ProtocolSpec protocol,
        List<Action> timeline,
        RunSpec run) {
    public Scenario {
        raid = raid == null ? new Raid(null, null, null) : raid;
        data = data == null ? DataSpec.defaults() : data;
        channel = channel == null ? ChannelSpec.defaults() : channel;
        protocol = protocol == null ? ProtocolSpec.defaults() : protocol;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        run = run == null ? RunSpec.defaults() : run;
    }

    /** This scenario under another name/description (used to fill them from the file). */
    public Scenario named(String newName, String newDescription) {
        return new Scenario(newName, newDescription, raid, data, channel, protocol, timeline, run);
    }
}
