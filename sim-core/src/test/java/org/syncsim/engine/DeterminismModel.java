package org.syncsim.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A small but busy model for determinism checks: clients on 60 fps frame ticks send messages with random
 * delays, arm and cancel timeout timers, and trace everything. Its trace hash must depend only on the seed.
 * {@link #main} prints the hash so that a second JVM can be compared with the first.
 */
public final class DeterminismModel {
    private static final int CLIENTS = 8;
    /** A 60 fps frame tick rounded to the microsecond (the model only needs a fixed period). */
    private static final int FRAME_MICROS = 16_667;

    private DeterminismModel() {
    }

    /** Runs the model for 20 s of virtual time and returns the SHA-256 of its trace. */
    public static String traceHash(long seed) {
        Simulation sim = new Simulation(seed);
        HashingTrace trace = new HashingTrace();
        sim.setTrace(trace);
        Timer[] timeouts = new Timer[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            UniformRandomProvider jitter = sim.random().stream("client/" + c + "/jitter");
            UniformRandomProvider loss = sim.random().stream("link/" + c + "->raid/loss");
            sim.every(jitter.nextInt(FRAME_MICROS), FRAME_MICROS, now -> {
                if (jitter.nextInt(20) != 0) {
                    return;
                }
                int to = jitter.nextInt(CLIENTS);
                long delay = 20_000 + jitter.nextInt(80_000);
                boolean lost = loss.nextDouble() < 0.1;
                sim.trace("send", client + "->" + to + " delay=" + delay + " lost=" + lost);
                if (!lost) {
                    sim.postAfter(delay, at -> sim.trace("recv", to + "<-" + client));
                }
                if (timeouts[client] != null && jitter.nextBoolean()) {
                    timeouts[client].cancel();
                    sim.trace("cancel", Integer.toString(client));
                }
                timeouts[client] = sim.scheduleAfter(jitter.nextInt(500_000),
                        at -> sim.trace("timeout", client + " u=" + jitter.nextDouble()));
            });
        }
        sim.run(RunLimits.until(SimTime.seconds(20)));
        sim.trace("end", "events=" + sim.eventsProcessed() + " lines=" + trace.lines());
        return trace.hex();
    }

    public static void main(String[] args) {
        System.out.println(traceHash(Long.parseLong(args[0])));
    }
}
