package org.syncsim.protocol.client;

import java.util.function.IntFunction;
import org.syncsim.channel.AddonChannel;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.protocol.cpu.CpuCosts;

/**
 * What every client of a run shares: the simulation, the channel, the metrics recorder, the ground truth, the
 * data layer's decoder, the id → character-name lookup, the true-time epoch (Unix seconds at virtual 0) and the
 * work receivers share ({@link RunMemos}) and the cost model of the clients' Lua work ({@link CpuCosts}).
 */
public record ProtocolEnvironment(Simulation sim, AddonChannel channel, MetricsRecorder metrics, GroundTruth truth,
        PayloadDecoder decoder, IntFunction<String> names, long epochSeconds, RunMemos memos, CpuCosts cpu) {

    /** An environment with the default CPU costs. */
    public ProtocolEnvironment(Simulation sim, AddonChannel channel, MetricsRecorder metrics, GroundTruth truth,
            PayloadDecoder decoder, IntFunction<String> names, long epochSeconds, RunMemos memos) {
        this(sim, channel, metrics, truth, decoder, names, epochSeconds, memos, CpuCosts.DEFAULTS);
    }

    /** An environment with memos of its own. */
    public ProtocolEnvironment(Simulation sim, AddonChannel channel, MetricsRecorder metrics, GroundTruth truth,
            PayloadDecoder decoder, IntFunction<String> names, long epochSeconds) {
        this(sim, channel, metrics, truth, decoder, names, epochSeconds, new RunMemos());
    }
}
