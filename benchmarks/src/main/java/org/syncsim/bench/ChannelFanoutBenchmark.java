package org.syncsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.syncsim.channel.AddonChannel;
import org.syncsim.channel.ChannelConfig;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.GroupBus;
import org.syncsim.channel.Priority;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.MetricsRecorder;

/**
 * A 40-member RAID broadcast fan-out through {@link GroupBus}: one member pushes {@value #BURST} messages (as a TWRA
 * responder pushes its sections) and the engine delivers every copy, the sender's echo included. The score is
 * deliveries per second ({@code CHAT_MSG_ADDON} calls). The server limiter is lifted so that the flood is not cut.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelFanoutBenchmark {
    static final int MEMBERS = 40;
    static final int BURST = 50;
    private static final String TEXT = "\u00F1" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo".repeat(20);

    @Param({"constant", "lognormal", "correlated"})
    public String latency;

    private Simulation sim;
    private GroupBus bus;
    private int sender;
    private long delivered;

    @Setup
    public void setup() {
        sim = new Simulation(1, 4096);
        LatencyConfig lat = switch (latency) {
            case "constant" -> LatencyConfig.constant(80);
            case "lognormal" -> LatencyConfig.logNormal(LatencyConfig.DEFAULT_MEDIAN_MILLIS,
                    LatencyConfig.DEFAULT_P95_MILLIS);
            default -> LatencyConfig.correlated();
        };
        ChannelConfig cfg = ChannelConfig.defaults().withServer(ServerConfig.unlimited()).withLatency(lat);
        bus = new GroupBus(sim, cfg, MetricsRecorder.NONE);
        for (int i = 0; i < MEMBERS; i++) {
            bus.register(i, (now, prefix, text, dist, from) -> delivered++, now -> { });
            bus.join(i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(MEMBERS * BURST)
    public long broadcast() {
        int s = sender;
        sender = (s + 1) % MEMBERS;
        for (int k = 0; k < BURST; k++) {
            bus.send(s, "TWRA", TEXT, Distribution.RAID, AddonChannel.NO_TARGET, Priority.NORMAL, "BSEC");
        }
        sim.run(RunLimits.untilEmpty());
        return delivered;
    }
}
