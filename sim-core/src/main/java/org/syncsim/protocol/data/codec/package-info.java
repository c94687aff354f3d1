/**
 * Byte-level codecs behind the section payloads: Lua table text (write and read), the LibCompress Huffman
 * container, the addon's Base64, and byte-string helpers. Implemented from the TWRA spec §5.2-5.5 and the public
 * description of LibCompress; no addon or library code is copied.
 */
package org.syncsim.protocol.data.codec;
