package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.Backoff;
import org.syncsim.protocol.plan.PlanPolicies;

/**
 * The plan's {@code backoff}: a pull that reached nobody holding newer data (they were on a loading screen) while
 * this member knew of no newer version is retried once word of a newer version arrives, however soon its retry timer
 * fired (a short base must not strand it).
 */
class BackoffRetryTest {
    private static final long OLD = HeadRaid.EPOCH - 7200;
    private static final long NEW = HeadRaid.EPOCH - 3600;
    /** Retries 2 s apart (no jitter), so the first fires before anyone has told P01 of the newer version. */
    private static final PlanPolicies BACKOFF = PlanPolicies.OFF
            .withBackoff(new Backoff.Exponential(2, 1, 2, 3, Backoff.Jitter.NONE));

    /**
     * P00 holds the newer sheet and does not pull (live sync off); P01 holds an older one and pulls on joining, but
     * that pull is lost. At 30 s a member asking from the newer version (a fake) tells P01 that it exists.
     */
    private static HeadRaid raid(AtomicBoolean lost) {
        HeadRaid raid = new HeadRaid(5, true);
        AssignmentSet sheet = HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(3, 4, 5));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i))
                .withInitialData(new InitialData.Saved(NEW, HeadRaid.encode(sheet, NEW))), BACKOFF);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(OLD, HeadRaid.encode(sheet, OLD))), BACKOFF);
        int fake = raid.addFake();
        raid.channel.setDropRule((s, r, t) -> s == 1 && t.startsWith("BSREQ:") && lost.compareAndSet(false, true));
        raid.form();
        raid.inject(30, fake, "BSREQ:" + NEW);
        return raid;
    }

    @Test
    void aRetryThatFoundNoNewerVersionWakesWhenOneIsHeardOf() {
        AtomicBoolean lost = new AtomicBoolean();
        HeadRaid raid = raid(lost);
        raid.at(29, () -> {
            assertEquals(true, lost.get(), "the pull on joining was lost");
            assertEquals(1, raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 1).count(),
                    "and its retry, knowing of nothing newer, did not ask again");
        });
        raid.runUntil(120);
        assertEquals(NEW, raid.get(1).snapshot().assignmentsTimestamp(), "P01 asked again and got the newer sheet");
        assertEquals(2, raid.channel.sent("BSREQ", 0).stream().filter(s -> s.sender() == 1).count());
        assertEquals(1, raid.channel.count("BSTR", 0));
    }
}
