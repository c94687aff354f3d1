package org.syncsim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalarTest {
    private static final long S = 1_000_000L;

    /** The keys are the names in every {@code summary.json} written so far: renaming one breaks readers. */
    @Test
    void keysAreTheStableNamesInTheirOrder() {
        List<String> keys = Arrays.stream(Scalar.values()).map(Scalar::key).toList();
        assertEquals(List.of("virtual_time_s", "events", "sent_messages", "sent_bytes", "sync_episodes",
                "time_to_sync_p50_s", "time_to_sync_p95_s", "time_to_sync_max_s", "waiting_at_end",
                "never_synced_fraction", "desynced_at_end", "requests", "responses", "duplicate_transfers",
                "aborted_handlers", "malformed_messages", "refused_messages", "server_disconnects", "rejected_messages",
                "lost_copies",
                "queue_delay_p95_s", "queue_delay_max_s", "cpu_total_ms", "cpu_worst_frame_ms", "hitch_frames"), keys);
        assertEquals(keys.size(), new HashSet<>(keys).size(), "keys are unique");
    }

    @Test
    void scalarsFollowTheEnumWithPerCommandEntriesAfterSentBytes() {
        RunRecorder r = new RunRecorder(List.of("A", "B"), S);
        r.messageSent(0, 0, "BSEC", 100, 0);
        r.messageSent(0, 1, "BSREQ", 20, 0);
        r.messageSent(0, 1, "BSREQ", 20, 0);
        RunResult res = r.result(1, 2 * S, 9, "t");
        Map<String, Double> scalars = res.scalars();

        List<String> expected = new ArrayList<>();
        for (Scalar s : Scalar.values()) {
            expected.add(s.key());
            if (s == Scalar.SENT_BYTES) {
                expected.addAll(List.of("sent_messages.BSEC", "sent_bytes.BSEC", "sent_messages.BSREQ",
                        "sent_bytes.BSREQ"));
            }
        }
        assertEquals(expected, new ArrayList<>(scalars.keySet()));
        for (Scalar s : Scalar.values()) {
            assertEquals(res.value(s), scalars.get(s.key()), s.key());
        }
        assertEquals(2.0, scalars.get(Scalar.SENT_MESSAGES.forCommand("BSREQ")));
        assertEquals(40.0, scalars.get(Scalar.SENT_BYTES.forCommand("BSREQ")));
    }

    @Test
    void onlyTheSentCountsHaveKeysPerCommand() {
        assertEquals("sent_messages.BSEC", Scalar.SENT_MESSAGES.forCommand("BSEC"));
        assertEquals("sent_bytes.BSEC", Scalar.SENT_BYTES.forCommand("BSEC"));
        assertThrows(IllegalStateException.class, () -> Scalar.EVENTS.forCommand("BSEC"));
    }

    @Test
    void aMetricWithoutWordsShowsItsKey() {
        assertEquals("events", Scalar.EVENTS.label());
        assertEquals("Run length (virtual time)", Scalar.VIRTUAL_TIME_S.shortLabel());
        assertEquals("bytes sent", Scalar.SENT_BYTES.shortLabel());
    }
}
