package org.syncsim.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.metrics.DropReason;

/** Each invariant the monitor follows during a run, broken on purpose. */
class InvariantMonitorTest {
    private final InvariantMonitor m = new InvariantMonitor(List.of("A", "B", "C"), 60_000_000L);

    private List<String> keys() {
        return m.finish(null).stream().map(Finding::key).toList();
    }

    @Test
    void eachCopyOfASentMessageIsAccountedOnce() {
        m.messageSent(0, 7, 0, "BSREQ", 20, 0);
        m.messageDelivered(1, 7, 0, 1, "BSREQ", 20);
        m.messageLost(1, 7, 0, 2, "BSREQ", 20, DropReason.LINK_LOSS);
        assertEquals(List.of(), keys());
        m.messageDelivered(2, 7, 0, 1, "BSREQ", 20);
        assertEquals(List.of("conservation: copy accounted twice"), keys());
    }

    @Test
    void everyAddressedCopyMustBeDeliveredOrLostByTheEnd() {
        m.messageSent(0, 4, 0, "SECTION", 20, 0);
        m.messageFannedOut(0, 4, 3);
        m.messageDelivered(1, 4, 0, 0, "SECTION", 20);
        m.messageLost(1, 4, 0, 1, "SECTION", 20, DropReason.LOADING_SCREEN);
        m.checkEveryCopyAccounted();
        assertEquals(List.of("conservation: copies unaccounted"), keys());
        InvariantMonitor complete = new InvariantMonitor(List.of("A", "B", "C"), 60_000_000L);
        complete.messageSent(0, 4, 0, "SECTION", 20, 0);
        complete.messageFannedOut(0, 4, 2);
        complete.messageDelivered(1, 4, 0, 0, "SECTION", 20);
        complete.messageDelivered(1, 4, 0, 2, "SECTION", 20);
        complete.checkEveryCopyAccounted();
        assertEquals(List.of(), complete.finish(null));
    }

    @Test
    void aCopyOfAMessageNeverSentBreaksConservation() {
        m.messageDelivered(1, 3, 0, 1, "BSEC", 20);
        assertEquals(List.of("conservation: copy of an unsent message"), keys());
    }

    @Test
    void reportingAnOlderVersionThanOneHeldBreaksMonotonicity() {
        m.clientSynced(1, 1, 200);
        m.clientSynced(2, 1, 200);
        m.clientSynced(3, 2, 100);
        assertEquals(List.of(), keys());
        m.clientSynced(4, 1, 100);
        assertEquals(List.of("monotonic"), keys());
    }

    @Test
    void luaErrorsOfOneFlawAreOneFindingWhateverTheirCounts() {
        m.handlerAborted(1, 0, "BSTR", "BSTR: RequestMissingSectionsWhisper is undefined (B29), 3 missing");
        m.handlerAborted(2, 1, "BSTR", "BSTR: RequestMissingSectionsWhisper is undefined (B29), 12 missing");
        List<Finding> f = m.finish(null);
        assertEquals(1, f.size());
        assertEquals("lua-error: BSTR: RequestMissingSectionsWhisper is undefined (B29), N missing", f.get(0).key());
        assertEquals("B29", f.get(0).flaw());
    }

    @Test
    void aJavaExceptionIsNamedByItsClassAndWhereItWasThrown() {
        m.failed(new IllegalStateException("boom"));
        String key = keys().get(0);
        assertTrue(key.startsWith("java-exception: IllegalStateException at InvariantMonitorTest."), key);
    }
}
