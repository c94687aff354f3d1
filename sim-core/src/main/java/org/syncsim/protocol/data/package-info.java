/**
 * The assignment data the TWRA addon synchronises, and its exact wire encoding.
 *
 * <h2>Data model (spec §4.1, §5.1)</h2>
 * An {@link org.syncsim.protocol.data.AssignmentSet} is an ordered list of
 * {@link org.syncsim.protocol.data.Section}s; wire index {@code i} (in {@code BSEC}, {@code SECTION}) is list
 * element {@code i - 1}. A section has a name, a header ({@code Icon}, {@code Target}, then role names), rows
 * ({@link org.syncsim.protocol.data.Row}: icon, target, one cell per role, {@code ""} when empty) and
 * {@link org.syncsim.protocol.data.SectionMetadata} (notes, warnings, GUIDs, group rows, tank columns). The data
 * timestamp belongs to the client holding the set; it is written into every section payload when encoding.
 *
 * <h2>Encoding pipeline (spec §5.2-5.5)</h2>
 * <ol>
 *   <li>{@link org.syncsim.protocol.data.SectionText}: the section plus {@code timestamp} as Lua
 *       table-constructor text ({@code [n]=} / {@code ["key"]=} keys, double-quoted strings with {@code "},
 *       {@code \}, CR, LF backslash-escaped, a fixed key order in place of Lua's {@code pairs} order). The
 *       structure payload is instead {@code "Name 1","Name 2",…} (§5.3).</li>
 *   <li>{@link org.syncsim.protocol.data.codec.HuffmanContainer}: the LibCompress Huffman container (§5.4),
 *       with its raw fallback ({@code 0x01} + text) and its too-long-code result ({@code 0x00} + text).</li>
 *   <li>{@link org.syncsim.protocol.data.codec.AddonBase64}: standard Base64 (§5.5).</li>
 *   <li>The marker byte 0xF1 in front. The result is the blob carried by {@code BSEC}/{@code BSTR} inline or by
 *       a chunk transfer (§3.4-3.7); it is a byte string, so its {@code length()} is its size on the wire.</li>
 * </ol>
 * {@link org.syncsim.protocol.data.SectionPayloads} runs the pipeline both ways; decoding is total and reports
 * the stage that failed as a {@link org.syncsim.protocol.data.DecodeFailure}.
 *
 * <h2>Synthetic sheets (spec §5.6)</h2>
 * {@link org.syncsim.protocol.data.SheetGenerator} draws realistic sheets of a
 * {@link org.syncsim.protocol.data.SheetSpec} shape from a seeded generator, and later imports in which chosen
 * sections changed. Its defaults are calibrated so that payload sizes and full-push message counts fall within
 * 10 % of the addon's measured figures.
 */
package org.syncsim.protocol.data;
