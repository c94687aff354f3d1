package org.syncsim.protocol.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.data.codec.AddonBase64;
import org.syncsim.protocol.data.codec.HuffmanContainer;

class BlobSizesTest {
    private static final String TEXT = "{[1]={\"Boss\",\"Tank\",\"Heal\"},[2]={\"Skull\",\"Tankadin\",\"Holy\"}}";

    @Test
    void aHuffmanBlobCountsItsBase64AndTheTextLengthFromTheContainerHeader() {
        String blob = SectionPayloads.encodeText(TEXT);
        assertEquals(new BlobSizes(blob.length() - 1, TEXT.length()), BlobSizes.of(blob));
    }

    @Test
    void aRawContainerCountsTheBytesAfterItsMethodByte() {
        byte[] text = TEXT.getBytes(StandardCharsets.ISO_8859_1);
        byte[] container = new byte[text.length + 1];
        container[0] = HuffmanContainer.RAW;
        System.arraycopy(text, 0, container, 1, text.length);
        String blob = "\u00F1" + AddonBase64.encode(container);
        assertEquals(new BlobSizes(blob.length() - 1, text.length), BlobSizes.of(blob));
    }

    @Test
    void anUnknownMethodOrAStringWithoutTheMarkerHasNoText() {
        String unknown = "\u00F1" + AddonBase64.encode(new byte[] {0x07, 1, 2, 3, 4, 5});
        assertEquals(new BlobSizes(unknown.length() - 1, 0), BlobSizes.of(unknown));
        assertEquals(new BlobSizes(9, 0), BlobSizes.of("CHUNKED:7"));
        assertEquals(new BlobSizes(0, 0), BlobSizes.of(""));
    }

    @Test
    void rememberingABlobNeverChangesItsSizes() {
        String blob = SectionPayloads.encodeText(TEXT);
        BlobSizes first = BlobSizes.of(blob);
        assertSame(first, BlobSizes.of(blob), "the same instance is remembered");
        assertEquals(first, BlobSizes.of(new String(blob)), "an equal copy is read again, to the same sizes");
        for (int k = 0; k < 1000; k++) { // far more blobs than are remembered: the first is forgotten
            BlobSizes.of(SectionPayloads.encodeText(TEXT + k));
        }
        assertEquals(first, BlobSizes.of(blob));
    }
}
