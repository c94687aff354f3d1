package org.syncsim.protocol.data;

/** The stage at which a payload blob failed to decode (spec §5.2-5.5, receiver side). */
public enum DecodeFailure {
    /** The blob does not start with the marker byte 0xF1. */
    MISSING_MARKER,
    /** Nothing decodable after the marker, or a dangling Base64 character. */
    BAD_BASE64,
    /** The LibCompress container is not raw (0x01) or Huffman (0x03), or its Huffman data is corrupt. */
    BAD_CONTAINER,
    /** The decompressed text is not a section table (or, for a structure, holds no quoted name). */
    BAD_TABLE_TEXT
}
