package org.syncsim.protocol.data.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class AddonBase64Test {

    @Test
    void encodesWithTheStandardAlphabetAndPadding() {
        // RFC 4648 section 10 test vectors.
        String[][] vectors = {{"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="},
            {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
        for (String[] v : vectors) {
            assertEquals(v[1], AddonBase64.encode(v[0].getBytes(StandardCharsets.US_ASCII)));
        }
        assertEquals("+/8=", AddonBase64.encode(new byte[] {(byte) 0xFB, (byte) 0xFF}));
    }

    @Test
    void decoderSkipsWhitespaceAndUnknownCharactersAndRepads() {
        assertArrayEquals("foobar".getBytes(), AddonBase64.decode(" Zm9v\r\nYm\tFy "));
        assertArrayEquals("fo".getBytes(), AddonBase64.decode("Zm8"));
        assertArrayEquals("foob".getBytes(), AddonBase64.decode("Zm9v:Yg"));
    }

    @Test
    void decoderRejectsNothingToDecodeAndDanglingCharacters() {
        assertNull(AddonBase64.decode(""));
        assertNull(AddonBase64.decode("!!  =="));
        assertNull(AddonBase64.decode("Zm9vY"));
    }

    @Test
    void randomBytesRoundTrip() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {64, 64});
        for (int n = 1; n < 600; n++) {
            byte[] data = new byte[n];
            rng.nextBytes(data);
            String text = AddonBase64.encode(data);
            assertEquals(0, text.length() % 4);
            assertArrayEquals(data, AddonBase64.decode(text));
        }
    }
}
