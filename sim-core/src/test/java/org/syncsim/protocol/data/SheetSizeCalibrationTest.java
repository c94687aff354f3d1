package org.syncsim.protocol.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.data.codec.ByteStrings;
import org.syncsim.protocol.data.codec.HuffmanContainer;

/**
 * The generator's defaults against the addon's measured sizes (spec §5.6, ts = 1747458000): per-section text,
 * Huffman and wire sizes, and the messages and payload bytes of one full push, each within 10 %.
 */
class SheetSizeCalibrationTest {

    static final long TS = 1747458000L;

    private static AssignmentSet sheet(int sections, int rows, int columns, long seed) {
        SheetGenerator g = new SheetGenerator(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 0x5EED}));
        return g.generate(SheetSpec.of(sections, rows, columns));
    }

    private static void assertWithinTenPercent(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= 0.10 * expected,
                () -> what + ": expected " + expected + " ± 10 %, got " + actual);
    }

    /** Every section's sizes inside the spec's range widened by 10 % at each end. */
    private static void assertSectionSizes(AssignmentSet set, double[] text, double[] huff, double[] wire) {
        for (int i = 1; i <= set.size(); i++) {
            String t = SectionText.write(set.section(i), TS);
            int h = HuffmanContainer.compress(ByteStrings.bytes(t)).length;
            int w = SectionPayloads.encodeSection(set.section(i), TS).length();
            assertInBand(text, t.length(), "serialized section " + i);
            assertInBand(huff, h, "huff section " + i);
            assertInBand(wire, w, "wire section " + i);
        }
    }

    private static void assertInBand(double[] range, int actual, String what) {
        assertTrue(actual >= range[0] * 0.9 && actual <= range[1] * 1.1,
                () -> what + ": " + actual + " outside " + range[0] + ".." + range[1] + " ± 10 %");
    }

    private static void assertPush(AssignmentSet set, int messages, int bytes) {
        FullPush push = FullPush.of(set, TS);
        assertWithinTenPercent(messages, push.messages().size(), "messages");
        assertWithinTenPercent(bytes, push.payloadBytes(), "payload bytes");
    }

    @Test
    void sixteenByTenByEightFitsTheTable() {
        for (long seed = 1; seed <= 3; seed++) {
            AssignmentSet set = sheet(16, 10, 8, seed);
            assertSectionSizes(set, new double[] {1500, 1700}, new double[] {1100, 1200}, new double[] {1450, 1640});
            FullPush push = FullPush.of(set, TS);
            assertEquals(16, push.inlineSections(), "no section is chunked");
            assertPush(set, 17, 25_260);
        }
    }

    @Test
    void sixteenByTwentyFiveByTenFitsTheTable() {
        for (long seed = 1; seed <= 3; seed++) {
            AssignmentSet set = sheet(16, 25, 10, seed);
            assertSectionSizes(set, new double[] {3800, 4200}, new double[] {2500, 2800}, new double[] {3400, 3800});
            FullPush push = FullPush.of(set, TS);
            assertEquals(16, push.chunkedHeaders(), "every section goes as a chunk transfer");
            assertTrue(push.chunks() >= 32 && push.chunks() <= 48, "2-3 chunks each");
            assertPush(set, 71, 59_918);
        }
    }

    @Test
    void sixteenByFortyByTwelveFitsTheTable() {
        for (long seed = 1; seed <= 3; seed++) {
            AssignmentSet set = sheet(16, 40, 12, seed);
            assertSectionSizes(set, new double[] {6900, 7700}, new double[] {4300, 4900}, new double[] {5900, 6700});
            FullPush push = FullPush.of(set, TS);
            assertEquals(16, push.chunkedHeaders());
            assertEquals(64, push.chunks(), "4 chunks each");
            assertPush(set, 97, 103_384);
        }
    }

    @Test
    void fortyByTenByEightFitsTheTable() {
        for (long seed = 1; seed <= 3; seed++) {
            AssignmentSet set = sheet(40, 10, 8, seed);
            assertSectionSizes(set, new double[] {1500, 1700}, new double[] {1100, 1200}, new double[] {1450, 1640});
            assertEquals(40, FullPush.of(set, TS).inlineSections());
            assertPush(set, 41, 63_516);
        }
    }

    @Test
    void exampleLikeSectionsCompressLikeTheMeasuredExample() {
        Object[][] rows = {
            {ExampleLikeSections.welcome(), 918, 741, 1009},
            {ExampleLikeSections.faerlina(), 1046, 820, 1109},
            {ExampleLikeSections.thaddius(), 736, 628, 865}};
        for (Object[] r : rows) {
            Section s = (Section) r[0];
            String text = SectionText.write(s, TS);
            assertWithinTenPercent((int) r[1], text.length(), s.name() + " serialized");
            assertWithinTenPercent((int) r[2], HuffmanContainer.compress(ByteStrings.bytes(text)).length, s.name() + " huff");
            assertWithinTenPercent((int) r[3], SectionPayloads.encodeSection(s, TS).length(), s.name() + " wire");
        }
        FullPush push = FullPush.of(ExampleLikeSections.all(), TS);
        assertEquals(4, push.messages().size(), "3 BSEC + 1 BSTR");
        assertEquals(3, push.inlineSections());
        assertWithinTenPercent(3114, push.payloadBytes(), "example push bytes");
    }

    @Test
    void exampleStructureIsTheRawFallbackOfSixtyOneBytes() {
        String blob = SectionPayloads.encodeStructure(List.of("Welcome", "Grand Widow Faerlina", "Thaddius"));
        // Text "Welcome","Grand Widow Faerlina","Thaddius" = 43 bytes; Huffman is not smaller than 44, so the
        // container is 0x01 + text (44 bytes), Base64 60 chars, plus the marker: 61 (spec §5.6), BSTR 77 chars.
        assertEquals(61, blob.length());
        assertTrue(blob.startsWith("\u00F1ASJXZWxjb21lIiwiR3JhbmQg"), "spec §3.5's example prefix");
        assertEquals(77, ("BSTR:" + TS + ":" + blob).length());
    }

    @Test
    void sixteenSectionStructureIsAboutThreeHundredThirtyBytes() {
        String blob = SectionPayloads.encodeStructure(sheet(16, 10, 8, 1).sectionNames());
        assertWithinTenPercent(329, blob.length(), "16-name structure");
        assertWithinTenPercent(345, ("BSTR:" + TS + ":" + blob).length(), "16-name BSTR");
    }
}
