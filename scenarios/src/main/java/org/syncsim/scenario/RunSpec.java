package org.syncsim.scenario;

/**
 * How to run the scenario.
 *
 * @param seed master seed; replication r runs with {@code RandomStreams.replicationSeed(seed, r)} (default 1)
 * @param replications independent runs to aggregate (default 10)
 * @param until {@code all-synced} (default), {@code quiet-for 60s} or {@code t 600s}
 * @param settle for {@code all-synced}: how long the channel must stay quiet once everyone is synced (default 10s)
 * @param limit the run ends here whatever {@code until} says (default 1h)
 * @param eventCap the most events one replication may process; more is an error (default 50,000,000)
 * @param bucket width of the time buckets in {@code timeline.csv} (default 1s)
 * @param wallClock Unix time on a true clock at t=0 (default 1747461600)
 * @param warmUp counters start here, so that the raid forming at t=0 (logins: VER and BSREQ 2 s later) is not
 *     counted; time buckets and time-to-sync are unaffected (default 0s)
 */
public record RunSpec(Long seed, Integer replications, StopCondition until, Span settle, Span limit, Long eventCap,
        Span bucket, Long wallClock, Span warmUp) {
    public RunSpec {
        seed = seed == null ? 1L : seed;
        replications = replications == null ? 10 : replications;
        until = until == null ? new StopCondition.AllSynced() : until;
        settle = settle == null ? Span.parse("10s") : settle;
        limit = limit == null ? Span.parse("1h") : limit;
        eventCap = eventCap == null ? 50_000_000L : eventCap;
        bucket = bucket == null ? Span.parse("1s") : bucket;
        wallClock = wallClock == null ? 1_747_461_600L : wallClock;
        warmUp = warmUp == null ? Span.ZERO : warmUp;
    }

    public static RunSpec defaults() {
        return new RunSpec(null, null, null, null, null, null, null, null, null);
    }
}
