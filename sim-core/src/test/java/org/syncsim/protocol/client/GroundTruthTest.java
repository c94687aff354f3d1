package org.syncsim.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
    private static EncodedSheet sheet(String tag) {
        return new EncodedSheet(List.of("Boss"), List.of("s-" + tag), "st-" + tag);
    }

    @Test
    void theNewestImportWinsAndASameSecondReimportReplacesTheSheet() {
        GroundTruth truth = new GroundTruth();
        int[] told = {0};
        truth.watch(() -> told[0]++);
        assertFalse(truth.isPresent(), "no data before the first import");

        EncodedSheet a = sheet("a");
        truth.publish(100, a, 5);
        assertTrue(truth.isPresent());
        assertEquals(100, truth.timestamp());
        assertSame(a, truth.sheet());
        assertEquals(5, truth.publishedAt());
        assertEquals(1, told[0]);

        truth.publish(99, sheet("old"), 6); // an older version is not the newest data
        assertSame(a, truth.sheet());
        assertEquals(100, truth.timestamp());
        assertEquals(5, truth.publishedAt());
        assertEquals(1, told[0], "an ignored publication tells nobody");

        EncodedSheet b = sheet("b");
        truth.publish(100, b, 7); // same second, other content (B27): it replaces the sheet
        assertSame(b, truth.sheet());
        assertEquals(7, truth.publishedAt());
        assertEquals(2, told[0]);

        truth.publish(100, b, 8); // the same data again: kept, stamped, but nothing changed for the watchers
        assertEquals(8, truth.publishedAt());
        assertEquals(2, told[0]);

        truth.publish(101, b, 9); // the same sheet under a newer timestamp is newer data
        assertEquals(101, truth.timestamp());
        assertEquals(3, told[0]);
    }

    @Test
    void theFirstPublicationIsKeptWhateverItsTimestamp() {
        GroundTruth truth = new GroundTruth();
        truth.publish(Long.MIN_VALUE, sheet("a"), 0);
        assertTrue(truth.isPresent());
    }

    @Test
    void heldByNeedsBothTimestampsEveryBlobAndNoMissingMark() {
        GroundTruth truth = new GroundTruth();
        EncodedSheet s = sheet("a");
        assertFalse(truth.heldBy(100, 100, 1, "st-a", Map.of(1, "s-a"), Map.of()), "no data: nobody holds it");
        truth.publish(100, s, 0);
        assertTrue(truth.heldBy(100, 100, 1, new String("st-a"), Map.of(1, new String("s-a")), Map.of()));
        assertFalse(truth.heldBy(99, 100, 1, "st-a", Map.of(1, "s-a"), Map.of()));
        assertFalse(truth.heldBy(100, 99, 1, "st-a", Map.of(1, "s-a"), Map.of()));
        assertFalse(truth.heldBy(100, 100, 2, "st-a", Map.of(1, "s-a"), Map.of()));
        assertFalse(truth.heldBy(100, 100, 1, "st-b", Map.of(1, "s-a"), Map.of()));
        assertFalse(truth.heldBy(100, 100, 1, "st-a", Map.of(1, "s-b"), Map.of()));
        assertFalse(truth.heldBy(100, 100, 1, "st-a", Map.of(1, "s-a"), Map.of(1, "s-a")));
        assertTrue(truth.heldBy(100, 100, 1, "st-a", Map.of(1, "s-a"), Map.of(2, "x")), "a mark outside 1..n");
    }
}
