package org.syncsim.protocol.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.data.Row;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionMetadata;
import org.syncsim.protocol.data.SectionPayloads;

/** The differential's content hash: 32-bit FNV-1a, its last six hex digits, of the section text stamped 0. */
class SectionHashesTest {
    private static final long TS = 1747458000L;

    @Test
    void fnv1aOfPublishedTestVectors() {
        // FNV-1a 32-bit (Fowler, Noll, Vo): "" -> 811c9dc5, "a" -> e40c292c, "foobar" -> bf9cf968.
        assertEquals("1c9dc5", SectionHashes.ofText(""));
        assertEquals("0c292c", SectionHashes.ofText("a"));
        assertEquals("9cf968", SectionHashes.ofText("foobar"));
    }

    private static Section section(String tank) {
        return new Section("Gluth", List.of("Icon", "Target", "Tank"), List.of(Row.of("Skull", "Gluth", tank)),
                SectionMetadata.EMPTY);
    }

    @Test
    void theHashNamesTheContentNotTheVersionStampedIntoIt() {
        SectionHashes hashes = new SectionHashes();
        String v1 = SectionPayloads.encodeSection(section("Aldric"), TS);
        String v2 = SectionPayloads.encodeSection(section("Aldric"), TS + 60);
        String edited = SectionPayloads.encodeSection(section("Brom"), TS);
        assertNotEquals(v1, v2, "the blobs differ by their timestamp");
        assertEquals(6, hashes.of(v1).length());
        assertEquals(hashes.of(v1), hashes.of(v2));
        assertNotEquals(hashes.of(v1), hashes.of(edited));
        assertEquals(v2, hashes.restamped(v1, TS + 60));
    }

    @Test
    void aMissingOrUndecodableBlobHasNoHash() {
        SectionHashes hashes = new SectionHashes();
        assertEquals("", hashes.of(""));
        assertEquals("", hashes.of(SectionPayloads.MARKER + "not base64 at all"));
    }
}
