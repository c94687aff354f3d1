package org.syncsim.protocol.client;

import java.util.function.IntFunction;
import org.syncsim.channel.AddonChannel;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.MetricsRecorder;

/**
 * What every client of a run shares: the simulation, the channel, the metrics recorder, the ground truth, the
 * data layer's decoder, the id → character-name lookup, the true-time epoch (Unix seconds at virtual 0) and the
 * work receivers share ({@link RunMemos}).
 */
public record ProtocolEnvironment(Simulation sim, AddonChannel channel, MetricsRecorder metrics, GroundTruth truth,
        PayloadDecoder decoder, IntFunction<String> names, long epochSeconds, RunMemos memos) {

    /** An environment with memos of its own. */
    public ProtocolEnvironment(Simulation sim, AddonChannel channel, MetricsRecorder metrics, GroundTruth truth,
            PayloadDecoder decoder, IntFunction<String> names, long epochSeconds) {
        this(sim, channel, metrics, truth, decoder, names, epochSeconds, new RunMemos());
    }
}
