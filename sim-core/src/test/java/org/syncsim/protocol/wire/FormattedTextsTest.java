package org.syncsim.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class FormattedTextsTest {
    private final WireCodec codec = new WireCodec(WireSpelling.head());
    private final String blob = "\u00F1" + "QmFzZTY0+/".repeat(100);

    private Message parsed(String text) {
        return ((ParseResult.Parsed) codec.parseLikeHeadAddon(text)).message();
    }

    @Test
    void aDeliveredTextParsesToTheDataPartItsSenderHeld() {
        Message.Chunk chunk = new Message.Chunk("1700000000-12345", 3, blob);
        Message.BulkSection section = new Message.BulkSection(1_700_000_000L, 4, blob);
        Message.BulkStructure structure = new Message.BulkStructure(1_700_000_000L, blob);
        for (Message m : new Message[] {chunk, section, structure}) {
            String text = codec.format(m);
            Message back = parsed(text);
            assertEquals(m, back, "the addon's parse of the canonical text");
            assertSame(blob, dataOf(back), m.command() + ": the sender's instance, not a copy");
            Message fresh = parsed(new String(text));
            assertEquals(m, fresh);
            assertNotSame(blob, dataOf(fresh), "a text not formatted here is cut as before");
        }
    }

    private static String dataOf(Message m) {
        return m instanceof Message.Chunk c ? c.payload()
                : m instanceof Message.BulkSection b ? b.data() : ((Message.BulkStructure) m).data();
    }

    @Test
    void theNotedDataIsHandedOnOnlyForACutWhereItStarts() {
        String noted = new String(blob);
        String text = "CHUNK:tid:1:" + noted;
        int from = text.length() - blob.length();
        FormattedTexts.remember(text, noted);
        assertSame(noted, FormattedTexts.tail(text, from));
        assertEquals(blob.substring(1), FormattedTexts.tail(text, from + 1), "another cut than the noted one");
        assertEquals(":" + blob, FormattedTexts.tail(text, from - 1));

        String shortText = "CHUNK:tid:1:abc";
        String abc = new String("abc");
        FormattedTexts.remember(shortText, abc);
        assertNotSame(abc, FormattedTexts.tail(shortText, shortText.length() - 3), "short texts are not noted");
        assertEquals("abc", FormattedTexts.tail(shortText, shortText.length() - 3));
    }

    @Test
    void aTextNotedWithoutADataPartIsAlwaysCut() {
        String text = "BSACK:" + "1".repeat(300);
        FormattedTexts.remember(text, null);
        assertEquals("1".repeat(300), FormattedTexts.tail(text, 6));
    }
}
