package org.syncsim.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteStringsTest {
    /** The plain scan the fast path replaces. */
    private static int plainScan(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == 0 || ch > 0xFF) {
                return i;
            }
        }
        return -1;
    }

    /** The plain run split ({@code gfind(msg, "([^:]+)")}) the codec's components replace. */
    private static List<String> plainRuns(String text) {
        List<String> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ':') {
                if (start >= 0) {
                    runs.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return runs;
    }

    @Test
    void namesTheFirstNulOrNonByteCharacter() {
        assertEquals(-1, ByteStrings.firstNonByte(""));
        assertEquals(-1, ByteStrings.firstNonByte("CHUNK:1-2:3:\u00F1\u00FFabc"));
        assertEquals(3, ByteStrings.firstNonByte("abc\0d\u20AC"));
        assertEquals(3, ByteStrings.firstNonByte("abc\u20ACd\0"));
        assertEquals(0, ByteStrings.firstNonByte("\u0100"));
        assertEquals(4, ByteStrings.firstNonByte("abcd\0"));
    }

    @Test
    void agreesWithPlainScansOnRandomTexts() {
        Random random = new Random(10);
        char[] alphabet = {'a', ':', ':', '\0', '\u00F1', '\u00FF', '\u0100', '\u20AC', 'Z'};
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                b.append(random.nextInt(8) == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) ('a' + i % 26));
            }
            String s = b.toString();
            assertEquals(plainScan(s), ByteStrings.firstNonByte(s), s);
            assertEquals(plainRuns(s), WireCodec.components(s), s);
        }
    }

    @Test
    void aRememberedPartGivesThePlainAnswerAndADirtyPartIsNeverRemembered() {
        Random random = new Random(11);
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            StringBuilder b = new StringBuilder();
            int n = 200 + random.nextInt(2000); // both sides of the length from which parts are remembered
            for (int i = 0; i < n; i++) {
                b.append(random.nextInt(4000) == 0 ? '\u20AC' : (char) ('a' + random.nextInt(26)));
            }
            parts.add(b.toString());
        }
        for (int round = 0; round < 3; round++) { // the same instances again: answered from memory when clean
            for (String part : parts) {
                assertEquals(plainScan(part), ByteStrings.firstNonByteOfPart(part), "round " + round);
            }
        }
        String dirty = "x".repeat(500) + "\0";
        assertEquals(500, ByteStrings.firstNonByteOfPart(dirty));
        assertEquals(500, ByteStrings.firstNonByteOfPart(dirty), "still found the second time");
    }

    @Test
    void aDeliveredTextTheCodecFormattedParsesAsItsEqualCopyDoes() {
        WireCodec codec = new WireCodec(WireSpelling.head());
        String payload = "\u00F1" + "AbC+/".repeat(300);
        String text = codec.format(new Message.Chunk("123-4567", 2, payload));
        assertEquals(-1, ByteStrings.firstNonByteOfReceived(text));
        assertEquals(new ParseResult.Parsed(new Message.Chunk("123-4567", 2, payload)), codec.parseLikeHeadAddon(text));
        assertEquals(codec.parseLikeHeadAddon(new String(text)), codec.parseLikeHeadAddon(text));
        assertEquals(codec.parseStrict("TWRA", new String(text)), codec.parseStrict("TWRA", text));
    }

    @Test
    void onlyTheVeryTextsTheCodecFormattedSkipTheScan() {
        String dirty = "x".repeat(300) + "\u0100";
        FormattedTexts.remember(dirty, null); // what the codec never does: its texts are checked part by part
        assertEquals(-1, ByteStrings.firstNonByteOfReceived(dirty), "the note is trusted for that instance");
        assertEquals(300, ByteStrings.firstNonByteOfReceived(new String(dirty)), "an equal copy is scanned");
        String shortDirty = "x\0";
        FormattedTexts.remember(shortDirty, null);
        assertEquals(1, ByteStrings.firstNonByteOfReceived(shortDirty), "short texts are always scanned");
    }
}
