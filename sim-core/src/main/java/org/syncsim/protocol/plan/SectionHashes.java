package org.syncsim.protocol.plan;

import java.util.HashMap;
import java.util.Map;
import org.syncsim.protocol.data.DecodeResult;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.data.SectionText;

/**
 * The content hash of a section for the plan's {@code differential}: 32-bit FNV-1a of the section's Lua text with
 * its timestamp written as 0, as {@value #HEX_DIGITS} hex digits. The addon stamps the data version into every
 * section's text (§5.2), so the blobs of an unchanged section differ between versions while its content does not;
 * the hash names the content. Memoised per blob (one instance per run, not thread-safe).
 */
public final class SectionHashes {
    /** Hex digits on the wire: 24 bits, as short as a 100-section digest needs to fit Turtle's limit. */
    public static final int HEX_DIGITS = 6;

    private final Map<String, String> byBlob = new HashMap<>();
    private final Map<String, Map<Long, String>> restamps = new HashMap<>();

    /** The content hash of a section blob, or {@code ""} if the blob does not decode. */
    public String of(String blob) {
        return byBlob.computeIfAbsent(blob, SectionHashes::compute);
    }

    /**
     * The blob of the section in {@code blob} stamped with version {@code ts}: what the importer of {@code ts}
     * stored for a section it did not change. {@code blob} must decode ({@link #of} gave a hash).
     */
    public String restamped(String blob, long ts) {
        return restamps.computeIfAbsent(blob, b -> new HashMap<>()).computeIfAbsent(ts, t -> {
            var decoded = (DecodeResult.Ok<org.syncsim.protocol.data.Section>) SectionPayloads.decodeSection(blob);
            return SectionPayloads.encodeSection(decoded.value(), t);
        });
    }

    private static String compute(String blob) {
        if (blob == null || blob.isEmpty()) {
            return "";
        }
        var decoded = SectionPayloads.decodeSection(blob);
        if (!(decoded instanceof DecodeResult.Ok<org.syncsim.protocol.data.Section> ok)) {
            return "";
        }
        return ofText(SectionText.write(ok.value(), 0));
    }

    /** The hash of a byte-string text. */
    static String ofText(String text) {
        int h = 0x811C9DC5;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i) & 0xFF;
            h *= 0x01000193;
        }
        String hex = String.format("%08x", h);
        return hex.substring(8 - HEX_DIGITS);
    }
}
