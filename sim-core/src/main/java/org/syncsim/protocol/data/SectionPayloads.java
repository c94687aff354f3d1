package org.syncsim.protocol.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncsim.protocol.data.codec.AddonBase64;
import org.syncsim.protocol.data.codec.ByteStrings;
import org.syncsim.protocol.data.codec.HuffmanContainer;
import org.syncsim.protocol.data.codec.LibCompress;

/**
 * The addon's payload blobs (spec §5.2-5.5): text → LibCompress Huffman container → standard Base64 → marker byte
 * 0xF1 in front. Blobs are byte strings (one char per byte), so {@code blob.length()} is the wire byte count.
 * Decoding never throws; each failure names the stage that rejected the blob.
 */
public final class SectionPayloads {

    /** The marker byte that starts every payload blob (decimal 241). */
    public static final char MARKER = '\u00F1';

    /** The structure lists sections 1..100 only (spec §5.3, §3.5). */
    public static final int MAX_STRUCTURE_SECTIONS = 100;

    private SectionPayloads() {}

    /** The wire blob of one section: {@code BSEC:<ts>:<i>:} + this (spec §3.4, §5.2), compressed as Lua 5.1 does. */
    public static String encodeSection(Section section, long timestamp) {
        return encodeText(SectionText.write(section, timestamp));
    }

    /** {@link #encodeSection(Section, long)} compressed by the client's library {@code lib}. */
    public static String encodeSection(Section section, long timestamp, LibCompress lib) {
        return encodeText(SectionText.write(section, timestamp), lib);
    }

    /** The blobs of every section of {@code set}, index order (element {@code i - 1} is section {@code i}). */
    public static List<String> encodeSections(AssignmentSet set, long timestamp) {
        List<String> blobs = new ArrayList<>(set.size());
        for (Section s : set.sections()) {
            blobs.add(encodeSection(s, timestamp));
        }
        return blobs;
    }

    /**
     * The structure blob (spec §5.3): the first {@link #MAX_STRUCTURE_SECTIONS} names written as
     * {@code "Name 1","Name 2",…} without escaping.
     */
    public static String encodeStructure(List<String> names) {
        return encodeText(structureText(names));
    }

    /** {@link #encodeStructure(List)} compressed by the client's library {@code lib}. */
    public static String encodeStructure(List<String> names, LibCompress lib) {
        return encodeText(structureText(names), lib);
    }

    /** The structure's text before compression. */
    public static String structureText(List<String> names) {
        StringBuilder sb = new StringBuilder(names.size() * 20);
        for (int i = 0; i < Math.min(names.size(), MAX_STRUCTURE_SECTIONS); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(utf8(names.get(i))).append('"');
        }
        return sb.toString();
    }

    /** Marker + Base64 + Huffman container of a byte-string text, compressed as Lua 5.1 does. */
    public static String encodeText(String text) {
        return MARKER + AddonBase64.encode(HuffmanContainer.compress(ByteStrings.bytes(text)));
    }

    /** {@link #encodeText(String)} compressed by the client's library {@code lib}. */
    public static String encodeText(String text, LibCompress lib) {
        return MARKER + AddonBase64.encode(lib.compressHuffman(ByteStrings.bytes(text)));
    }

    /** Decodes a section blob; the section only (see {@link #decodeSectionPayload} for the timestamp). */
    public static DecodeResult<Section> decodeSection(String blob) {
        DecodeResult<SectionPayload> r = decodeSectionPayload(blob);
        if (r instanceof DecodeResult.Failed<SectionPayload> f) {
            return DecodeResult.failed(f.failure(), f.detail());
        }
        return DecodeResult.ok(((DecodeResult.Ok<SectionPayload>) r).value().section());
    }

    /** Decodes a section blob into the section and the timestamp inside it. */
    public static DecodeResult<SectionPayload> decodeSectionPayload(String blob) {
        DecodeResult<String> text = decodeText(blob);
        if (text instanceof DecodeResult.Failed<String> f) {
            return DecodeResult.failed(f.failure(), f.detail());
        }
        return SectionText.read(((DecodeResult.Ok<String>) text).value());
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    /**
     * Decodes a structure blob into its names: every maximal {@code "…"} run with at least one character, in order
     * (spec §5.3), so a name containing {@code "} breaks the list as it does in the addon. No names → failure.
     */
    public static DecodeResult<List<String>> decodeStructure(String blob) {
        DecodeResult<String> text = decodeText(blob);
        if (text instanceof DecodeResult.Failed<String> f) {
            return DecodeResult.failed(f.failure(), f.detail());
        }
        Matcher m = QUOTED.matcher(((DecodeResult.Ok<String>) text).value());
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(new String(ByteStrings.bytes(m.group(1)), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (names.isEmpty()) {
            return DecodeResult.failed(DecodeFailure.BAD_TABLE_TEXT, "no section names");
        }
        return DecodeResult.ok(names);
    }

    /** Strips the marker, decodes Base64 and the container; the text is a byte string. */
    public static DecodeResult<String> decodeText(String blob) {
        if (blob == null || blob.isEmpty() || blob.charAt(0) != MARKER) {
            return DecodeResult.failed(DecodeFailure.MISSING_MARKER, "no 0xF1 marker");
        }
        byte[] container = AddonBase64.decode(blob.substring(1));
        if (container == null) {
            return DecodeResult.failed(DecodeFailure.BAD_BASE64, "no decodable Base64");
        }
        HuffmanContainer.Result r = HuffmanContainer.decompress(container);
        if (r instanceof HuffmanContainer.Result.Invalid inv) {
            return DecodeResult.failed(DecodeFailure.BAD_CONTAINER, inv.reason());
        }
        return DecodeResult.ok(ByteStrings.string(((HuffmanContainer.Result.Ok) r).data()));
    }

    private static String utf8(String s) {
        return ByteStrings.string(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
