package org.syncsim.protocol.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.data.codec.AddonBase64;
import org.syncsim.protocol.data.codec.ByteStrings;
import org.syncsim.protocol.data.codec.LibCompress;
import org.syncsim.protocol.data.codec.LuaVersion;

class SectionPayloadsTest {

    static final long TS = 1747458000L;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, 77});
    }

    private static <T> T ok(DecodeResult<T> r) {
        assertInstanceOf(DecodeResult.Ok.class, r, () -> r.toString());
        return r.valueOrNull();
    }

    private static void fails(DecodeFailure expected, DecodeResult<?> r) {
        DecodeResult.Failed<?> f = assertInstanceOf(DecodeResult.Failed.class, r, () -> r.toString());
        assertEquals(expected, f.failure(), f.detail());
    }

    private static String blobOfText(String text, int method) {
        byte[] raw = ByteStrings.bytes(text);
        byte[] container = new byte[raw.length + 1];
        container[0] = (byte) method;
        System.arraycopy(raw, 0, container, 1, raw.length);
        return SectionPayloads.MARKER + AddonBase64.encode(container);
    }

    @Test
    void serialisedTextFollowsTheDocumentedFormatAndKeyOrder() {
        Section s = new Section("Gluth", List.of("Icon", "Target", "Tank"),
                List.of(Row.of("Skull", "Gluth", "Aldric"), Row.of("Cross", "Zombie \"Chow\"", "")),
                new SectionMetadata(List.of("Kite"), List.of(), List.of(), List.of(), List.of(3)));
        assertEquals("{[\"Section Name\"]=\"Gluth\",[\"Section Header\"]={[1]=\"Icon\",[2]=\"Target\",[3]=\"Tank\"},"
                + "[\"Section Rows\"]={[1]={[1]=\"Skull\",[2]=\"Gluth\",[3]=\"Aldric\"},"
                + "[2]={[1]=\"Cross\",[2]=\"Zombie \\\"Chow\\\"\",[3]=\"\"}},"
                + "[\"Section Metadata\"]={[\"Note\"]={[1]=\"Kite\"},[\"Warning\"]={},[\"GUID\"]={},"
                + "[\"Group Rows\"]={},[\"Tank Columns\"]={[1]=3}},[\"timestamp\"]=1747458000}",
                SectionText.write(s, TS));
    }

    @Test
    void generatedSectionsRoundTripWithTheirTimestamp() {
        SheetGenerator g = new SheetGenerator(rng(1));
        SheetSpec[] specs = {SheetSpec.of(3, 1, 2), SheetSpec.of(4, 10, 8), SheetSpec.defaults(),
            new SheetSpec(2, 40, 12, 0.9, 0, 3), new SheetSpec(2, 5, 20, 0.0, 4, 0)};
        for (SheetSpec spec : specs) {
            AssignmentSet set = g.generate(spec);
            for (Section s : set.sections()) {
                String blob = SectionPayloads.encodeSection(s, TS + spec.rows());
                assertEquals(SectionPayloads.MARKER, blob.charAt(0));
                assertTrue(blob.substring(1).matches("[A-Za-z0-9+/]*=*"), "only Base64 after the marker: no ':' or '|'");
                SectionPayload p = ok(SectionPayloads.decodeSectionPayload(blob));
                assertEquals(s, p.section());
                assertEquals(TS + spec.rows(), p.timestamp());
                assertEquals(s, ok(SectionPayloads.decodeSection(blob)));
            }
        }
    }

    @Test
    void awkwardStringsRoundTripExceptCarriageReturnWhichLuaReadsAsLineFeed() {
        Section s = new Section("Kel'Thuzad \"KT\" \\ phase", List.of("Icon", "Target", "Tank"),
                List.of(Row.of("Skull", "Guardian\nof Icecrown", "Ærendil"), Row.of("", "", "{[x]=1},;")),
                new SectionMetadata(List.of("line1\nline2", "--not a comment", "[[not long]]"), List.of("\u00F1"),
                        List.of("0xF130004E7A2B"), List.of(2), List.of()),
                Boolean.FALSE);
        assertEquals(s, ok(SectionPayloads.decodeSection(SectionPayloads.encodeSection(s, TS))));
        Section cr = new Section("a\rb", List.of("Icon", "Target"), List.of(Row.of("x", "y")), SectionMetadata.EMPTY);
        assertEquals("a\nb", ok(SectionPayloads.decodeSection(SectionPayloads.encodeSection(cr, TS))).name());
    }

    @Test
    void everyReimportChangesEverySectionsBytes() {
        AssignmentSet set = new SheetGenerator(rng(2)).generate(SheetSpec.of(4, 10, 8));
        for (Section s : set.sections()) {
            assertNotEquals(SectionPayloads.encodeSection(s, TS), SectionPayloads.encodeSection(s, TS + 1));
        }
    }

    @Test
    void receiverPadsMissingSlotsWithEmptyStrings() {
        String text = "{[\"Section Name\"]=\"X\",[\"Section Header\"]={[1]=\"Icon\",[2]=\"Target\",[4]=\"Heal\"},"
                + "[\"Section Rows\"]={[2]={[1]=\"Skull\",[2]=\"Boss\"}},[\"timestamp\"]=5}";
        Section s = ok(SectionPayloads.decodeSection(blobOfText(text, 1)));
        assertEquals(List.of("Icon", "Target", "", "Heal"), s.header());
        assertEquals(2, s.rows().size());
        assertEquals(List.of("", "", "", ""), s.rows().get(0).values());
        assertEquals(List.of("Skull", "Boss", "", ""), s.rows().get(1).values());
        assertTrue(s.hasDisplayableRow());
        assertEquals(SectionMetadata.EMPTY, s.metadata());
    }

    @Test
    void structureRoundTripsAndBreaksOnQuotesLikeTheAddon() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            names.add(SheetGenerator.sectionName(i));
        }
        assertEquals(names, ok(SectionPayloads.decodeStructure(SectionPayloads.encodeStructure(names))));
        List<String> quoted = List.of("A", "Say \"hi\"", "B");
        // Text "A","Say "hi"","B": the quoted runs are A, "Say " and "," -> the list is corrupted, as in the addon.
        assertEquals(List.of("A", "Say ", ","),
                ok(SectionPayloads.decodeStructure(SectionPayloads.encodeStructure(quoted))));
        // An empty name: "A","","B" has the runs A and "," -> also corrupted.
        assertEquals(List.of("A", ","), ok(SectionPayloads.decodeStructure(SectionPayloads.encodeStructure(List.of("A", "", "B")))));
        fails(DecodeFailure.BAD_TABLE_TEXT, SectionPayloads.decodeStructure(SectionPayloads.encodeStructure(List.of())));
    }

    @Test
    void structureListsAtMostOneHundredSections() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            names.add("S" + i);
        }
        assertEquals(names.subList(0, 100), ok(SectionPayloads.decodeStructure(SectionPayloads.encodeStructure(names))));
    }

    @Test
    void encodeSectionsGivesOneBlobPerSectionInIndexOrder() {
        AssignmentSet set = ExampleLikeSections.all();
        List<String> blobs = SectionPayloads.encodeSections(set, TS);
        assertEquals(3, blobs.size());
        for (int i = 1; i <= 3; i++) {
            assertEquals(SectionPayloads.encodeSection(set.section(i), TS), blobs.get(i - 1));
        }
    }

    @Test
    void eachStageReportsItsOwnFailure() {
        fails(DecodeFailure.MISSING_MARKER, SectionPayloads.decodeSection(""));
        fails(DecodeFailure.MISSING_MARKER, SectionPayloads.decodeSection(null));
        fails(DecodeFailure.MISSING_MARKER, SectionPayloads.decodeSection("CHUNKED:1747458002-48213"));
        fails(DecodeFailure.MISSING_MARKER, SectionPayloads.decodeStructure("ASJXZWxjb21l"));
        fails(DecodeFailure.BAD_BASE64, SectionPayloads.decodeSection("\u00F1"));
        fails(DecodeFailure.BAD_BASE64, SectionPayloads.decodeSection("\u00F1::::"));
        fails(DecodeFailure.BAD_CONTAINER, SectionPayloads.decodeSection(blobOfText("{}", 2)));
        fails(DecodeFailure.BAD_CONTAINER, SectionPayloads.decodeSection(blobOfText("{}", 0)));
        String good = SectionPayloads.encodeSection(ExampleLikeSections.welcome(), TS);
        fails(DecodeFailure.BAD_CONTAINER, SectionPayloads.decodeSection(good.substring(0, 1 + 4 * ((good.length() - 1) / 8))));
        fails(DecodeFailure.BAD_TABLE_TEXT, SectionPayloads.decodeSection(blobOfText("not lua", 1)));
        fails(DecodeFailure.BAD_TABLE_TEXT, SectionPayloads.decodeSection(blobOfText("\"a string\"", 1)));
        fails(DecodeFailure.BAD_TABLE_TEXT, SectionPayloads.decodeSection(blobOfText("{[\"Section Header\"]=5}", 1)));
        fails(DecodeFailure.BAD_TABLE_TEXT, SectionPayloads.decodeSection(blobOfText("{[\"Section Rows\"]={[1e9]={}}}", 1)));
    }

    @Test
    void mutatedBlobsNeverThrow() {
        UniformRandomProvider r = rng(3);
        List<String> seeds = List.of(
                SectionPayloads.encodeSection(ExampleLikeSections.thaddius(), TS),
                SectionPayloads.encodeStructure(List.of("Patchwerk", "Grobbulus")),
                blobOfText("{[\"Section Name\"]=\"x\"}", 1));
        String alphabet = "\u00F1ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=: ";
        int decoded = 0;
        for (int trial = 0; trial < 10_000; trial++) {
            StringBuilder sb = new StringBuilder(seeds.get(trial % seeds.size()));
            int edits = 1 + r.nextInt(4);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int p = r.nextInt(sb.length());
                switch (r.nextInt(4)) {
                    case 0 -> sb.deleteCharAt(p);
                    case 1 -> sb.insert(p, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 2 -> sb.setLength(p);
                    default -> sb.setCharAt(p, alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            if (SectionPayloads.decodeSection(sb.toString()).isOk()) {
                decoded++;
            }
            SectionPayloads.decodeStructure(sb.toString());
        }
        assertTrue(decoded < 10_000, "mutations are detected at some stage");
    }

    /**
     * The addon's compressor under the game's Lua 5.0 (see {@code LibCompress}): a section whose text ends in a
     * block of code words that completes no byte gets stale bytes, and its text's end decodes wrong, so no member
     * can load it; under Lua 5.1 the same section decodes.
     */
    @Test
    void underLua50ASectionWhoseLastBlockCompletesNoByteCannotBeLoaded() {
        Section s = Lua50Trip.section(TS);
        String game = SectionPayloads.encodeSection(s, TS, LibCompress.loaded(LuaVersion.LUA_5_0));
        String pure = SectionPayloads.encodeSection(s, TS, LibCompress.loaded(LuaVersion.LUA_5_1));
        assertEquals(s, ok(SectionPayloads.decodeSection(pure)), "Lua 5.1 compresses it right");
        assertTrue(game.length() > pure.length(), "the stale bytes make the blob longer");
        fails(DecodeFailure.BAD_TABLE_TEXT, SectionPayloads.decodeSection(game));
    }
}
