package org.syncsim.protocol.data.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Property-based round trips of the sheet codecs (spec §5.4-§5.5): Base64 and the LibCompress Huffman container. */
class CodecPropertiesTest {
    @Property(tries = 2000)
    void base64DecodesWhatItEncoded(@ForAll @Size(max = 4000) byte[] data) {
        if (data.length == 0) {
            return; // no alphabet character: decode answers null by contract
        }
        assertArrayEquals(data, AddonBase64.decode(AddonBase64.encode(data)));
    }

    @Property(tries = 2000)
    void base64DecodingNeverThrows(@ForAll @StringLength(max = 500) String text) {
        AddonBase64.decode(text); // null or bytes, never an exception
    }

    @Property(tries = 1000)
    void huffmanDecompressesWhatItCompressed(@ForAll @Size(max = 6000) byte[] data) {
        byte[] container = HuffmanContainer.compress(data);
        if ((container[0] & 0xFF) == HuffmanContainer.NEVER_USED) {
            return; // LibCompress's 32-bit fallback, which decoders reject by design (class Javadoc)
        }
        HuffmanContainer.Result r = HuffmanContainer.decompress(container);
        HuffmanContainer.Result.Ok ok = assertInstanceOf(HuffmanContainer.Result.Ok.class, r);
        assertArrayEquals(data, ok.data());
    }

    @Property(tries = 1000)
    void huffmanDecompressesTextLikeSheetsToo(@ForAll @StringLength(max = 6000) String text) {
        byte[] data = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] container = HuffmanContainer.compress(data);
        if ((container[0] & 0xFF) == HuffmanContainer.NEVER_USED) {
            // LibCompress's fallback when an escaped code word would overflow its 32-bit bit buffer (class Javadoc):
            // 0x00 + the input, which decoders reject. The UTF-8 of random Unicode text (many distinct bytes with
            // skewed counts: seed 696843199285925810 gave 17 788 such bytes) reaches it; sheets never do.
            assertArrayEquals(data, java.util.Arrays.copyOfRange(container, 1, container.length));
            return;
        }
        HuffmanContainer.Result.Ok ok = assertInstanceOf(HuffmanContainer.Result.Ok.class,
                HuffmanContainer.decompress(container));
        assertArrayEquals(data, ok.data());
    }

    @Property(tries = 3000)
    void decompressingGarbageNeverThrows(@ForAll @Size(max = 600) byte[] container) {
        assertNotNull(HuffmanContainer.decompress(container));
    }
}
