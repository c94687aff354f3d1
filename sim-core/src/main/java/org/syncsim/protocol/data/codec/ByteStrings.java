package org.syncsim.protocol.data.codec;

import java.nio.charset.StandardCharsets;

/**
 * Conversions between wire byte strings (a Java {@code String} with one char per byte, ISO-8859-1) and byte arrays.
 * Text produced by the serialiser is treated the same way, so {@code text.length()} is its byte count.
 */
public final class ByteStrings {

    private ByteStrings() {}

    /** The bytes of a byte string; chars above 0xFF (which no wire string holds) become {@code '?'}. */
    public static byte[] bytes(String byteString) {
        return byteString.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The byte string of {@code bytes}. */
    public static String string(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
