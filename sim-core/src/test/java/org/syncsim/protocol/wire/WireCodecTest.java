package org.syncsim.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.RandomStreams;
import org.syncsim.protocol.wire.ParseResult.Parsed;
import org.syncsim.protocol.wire.ParseResult.Rejected;

class WireCodecTest {
    private static final WireSpelling ALL = WireSpelling.of("all", EnumSet.allOf(Command.class));
    private static final WireCodec CODEC = new WireCodec(ALL);
    private static final WireCodec HEAD = new WireCodec(WireSpelling.head());
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    @Test
    void formatProducesTheSpecsExampleStrings() {
        assertEquals("SECTION:1747458000:3", HEAD.format(new Message.Section(1747458000L, 3)));
        assertEquals("BSREQ:1747400000", HEAD.format(new Message.BulkRequest(1747400000L)));
        assertEquals("BSREQ:0", HEAD.format(new Message.BulkRequest(0)));
        assertEquals("BSACK:1747458000:Azzco", HEAD.format(new Message.BulkAck(1747458000L, "Azzco")));
        assertEquals("BSEC:1747458000:7:CHUNKED:1747458002-48213",
                HEAD.format(new Message.BulkSection(1747458000L, 7, "CHUNKED:1747458002-48213")));
        assertEquals("BSEC:1747458000:2:\u00F1Az0o", HEAD.format(new Message.BulkSection(1747458000L, 2, "\u00F1Az0o")));
        assertEquals("BSTR:1747458000:\u00F1ASJX", HEAD.format(new Message.BulkStructure(1747458000L, "\u00F1ASJX")));
        assertEquals("CHUNKED:3713:1747458002-48213:3",
                HEAD.format(new Message.ChunkHeader(3713, "1747458002-48213", 3)));
        assertEquals("CHUNK:1747458002-48213:2:abc", HEAD.format(new Message.Chunk("1747458002-48213", 2, "abc")));
        assertEquals("VER:0.1.0", HEAD.format(new Message.Version(0, 1, 0)));
        assertEquals("BSMISS:1747458000:Azzco:2,7", CODEC.format(new Message.MissingRequest(1747458000L, "Azzco",
                List.of(2, 7))));
        assertEquals("BSMISS:1747458000:Azzco:", CODEC.format(new Message.MissingRequest(1747458000L, "Azzco",
                List.of())));
        assertEquals("MT CLEAR", HEAD.format(new Message.TankClear()));
        assertEquals("SET 3 Empty", HEAD.format(new Message.TankSet(3, "Empty")));
        assertEquals("SECRES:1747458000:4:\u00F1QQ", CODEC.format(new Message.SectionResponse(1747458000L, 4, "\u00F1QQ")));
        assertEquals("ANC:1747458000", CODEC.format(new Message.Announce(1747458000L, "")));
    }

    @Test
    void profileWithoutACommandRefusesToFormatIt() {
        try {
            HEAD.format(new Message.DataRequest(5));
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("head must not speak DREQ");
    }

    @Test
    void formatThenStrictParseIsIdentityForEveryCommand() {
        UniformRandomProvider rng = RandomStreams.fresh(20250517L, "wire/identity");
        EnumSet<Command> seen = EnumSet.noneOf(Command.class);
        for (int round = 0; round < 2000; round++) {
            for (Command c : Command.values()) {
                Message m = randomMessage(c, rng);
                String text = CODEC.format(m);
                ParseResult r = CODEC.parseStrict(WireCodec.prefixOf(m), text);
                assertEquals(new Parsed(m), r, text);
                seen.add(c);
            }
        }
        assertEquals(EnumSet.allOf(Command.class), seen);
    }

    @Test
    void formatThenHeadAddonParseIsIdentityForEveryLiveHeadCommand() {
        UniformRandomProvider rng = RandomStreams.fresh(20250517L, "wire/head-identity");
        List<Command> live = List.of(Command.SECTION, Command.BSREQ, Command.BSACK, Command.BSEC, Command.BSTR,
                Command.CHUNKED, Command.CHUNK, Command.VER);
        for (int round = 0; round < 5000; round++) {
            for (Command c : live) {
                Message m = randomMessage(c, rng);
                String text = HEAD.format(m);
                Message read = m instanceof Message.BulkRequest r ? new Message.BulkRequest(r.ts()) : m;
                assertEquals(new Parsed(read), HEAD.parseLikeHeadAddon(text), text + " (head ignores a digest)");
            }
        }
    }

    @Test
    void randomAndMutatedStringsNeverThrow() {
        UniformRandomProvider rng = RandomStreams.fresh(7L, "wire/fuzz");
        List<String> seeds = new ArrayList<>();
        for (Command c : Command.values()) {
            seeds.add(CODEC.format(randomMessage(c, rng)));
        }
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 100_000; i++) {
            String s = switch (i % 4) {
                case 0 -> randomBytes(rng, rng.nextInt(40));
                case 1 -> truncate(seeds.get(rng.nextInt(seeds.size())), rng);
                case 2 -> mutate(seeds.get(rng.nextInt(seeds.size())), rng);
                default -> randomWireLike(rng);
            };
            for (ParseResult r : List.of(HEAD.parseLikeHeadAddon(s), CODEC.parseStrict("TWRA", s),
                    CODEC.parseStrict("CTRA", s))) {
                assertNotNull(r);
                if (r instanceof Parsed) {
                    parsed++;
                } else {
                    rejected++;
                }
            }
        }
        assertTrue(parsed > 1000 && rejected > 1000, parsed + " parsed, " + rejected + " rejected");
        assertInstanceOf(Rejected.class, HEAD.parseLikeHeadAddon(null));
        assertEquals(Rejection.OVERSIZED,
                ((Rejected) new WireCodec(WireSpelling.head(), 10).parseLikeHeadAddon("BSREQ:17474580001")).reason());
        assertEquals(Rejection.NOT_A_BYTE_STRING, ((Rejected) HEAD.parseLikeHeadAddon("BSREQ:\u20AC")).reason());
    }

    @Test
    void addonCollapsesEmptyFieldsWhereStrictParsingRejects() {
        assertEquals(new Parsed(new Message.Section(1747458000L, 3)), HEAD.parseLikeHeadAddon("SECTION::1747458000::3"));
        assertEquals(Rejection.EXTRA_FIELD,
                ((Rejected) HEAD.parseStrict("TWRA", "SECTION::1747458000::3")).reason());
        assertEquals(Rejection.MISSING_FIELD, ((Rejected) HEAD.parseStrict("TWRA", "SECTION::3")).reason());
    }

    @Test
    void addonIgnoresExtraFieldsWhereStrictParsingRejects() {
        assertEquals(new Parsed(new Message.Section(5, 2)), HEAD.parseLikeHeadAddon("SECTION:5:2:junk"));
        assertEquals(Rejection.EXTRA_FIELD, ((Rejected) HEAD.parseStrict("TWRA", "SECTION:5:2:junk")).reason());
    }

    @Test
    void addonReadsNumbersWithLuaTonumber() {
        assertEquals(new Parsed(new Message.Section(16, 1000)), HEAD.parseLikeHeadAddon("SECTION:0x10:1e3"));
        assertEquals(new Parsed(new Message.Section(12, 2)), HEAD.parseLikeHeadAddon("SECTION: 12 :2"));
        assertEquals(Rejection.OUT_OF_RANGE, ((Rejected) HEAD.parseLikeHeadAddon("SECTION:1.5:2")).reason());
        assertEquals(Rejection.NOT_A_NUMBER, ((Rejected) HEAD.parseLikeHeadAddon("SECTION:abc:2")).reason());
    }

    @Test
    void commandContainingChunkedRoutesToTheHeaderPath() {
        assertEquals(new Parsed(new Message.ChunkHeader(10, "tid", 1)), HEAD.parseLikeHeadAddon("xCHUNKEDx:10:tid:1"));
        assertEquals(new Parsed(new Message.Chunk("tid", 1, "p:q")), HEAD.parseLikeHeadAddon("MYCHUNK:tid:1:p:q"));
    }

    @Test
    void chunkPayloadIsEverythingAfterTheThirdColon() {
        assertEquals(new Parsed(new Message.Chunk("t", 2, "a:b::c")), HEAD.parseLikeHeadAddon("CHUNK:t:2:a:b::c"));
    }

    @Test
    void bulkSectionDataIsTextAfterTheThirdColonAndStructureAfterTheSecond() {
        assertEquals(new Parsed(new Message.BulkSection(9, 4, "CHUNKED:1-2")), HEAD.parseLikeHeadAddon("BSEC:9:4:CHUNKED:1-2"));
        assertEquals(new Parsed(new Message.BulkStructure(9, "x:y")), HEAD.parseLikeHeadAddon("BSTR:9:x:y"));
        assertEquals(Rejection.MISSING_FIELD, ((Rejected) HEAD.parseLikeHeadAddon("BSEC:9:4")).reason());
    }

    @Test
    void bulkRequestWithoutUsableTimestampMeansNoTimestamp() {
        assertEquals(new Parsed(new Message.BulkRequest(0)), HEAD.parseLikeHeadAddon("BSREQ"));
        assertEquals(new Parsed(new Message.BulkRequest(0)), HEAD.parseLikeHeadAddon("BSREQ:abc"));
        assertEquals(new Parsed(new Message.BulkRequest(0)), HEAD.parseLikeHeadAddon("BSREQ:-5"));
        assertEquals(Rejection.MISSING_FIELD, ((Rejected) HEAD.parseStrict("TWRA", "BSREQ")).reason());
    }

    @Test
    void sectionWithoutIndexAndDeclaredMissingSectionCommandsAreHandlerErrors() {
        Rejected r = (Rejected) HEAD.parseLikeHeadAddon("SECTION:1747458000");
        assertEquals(Rejection.HANDLER_ERROR, r.reason());
        assertEquals(Command.SECTION, r.command());
        assertEquals(Rejection.HANDLER_ERROR, ((Rejected) HEAD.parseLikeHeadAddon("MSREQ:1")).reason());
        assertEquals(Rejection.UNKNOWN_COMMAND, ((Rejected) HEAD.parseLikeHeadAddon("MSRES:1")).reason());
        assertEquals(Rejection.UNKNOWN_COMMAND, ((Rejected) HEAD.parseLikeHeadAddon("DREQ:1")).reason());
    }

    @Test
    void versionNeedsThreeNumericParts() {
        assertEquals(new Parsed(new Message.Version(0, 2, 11)), HEAD.parseLikeHeadAddon("VER:0.2.11"));
        assertEquals(Rejection.NOT_A_NUMBER, ((Rejected) HEAD.parseLikeHeadAddon("VER:0.2")).reason());
    }

    // ------------------------------------------------------------------------------------ generators

    @Test
    void differentialDigestAndUnchangedSectionsRoundTripAndHeadReadsOnlyTheTimestamp() {
        Message.BulkRequest r = new Message.BulkRequest(1747400000L, List.of("a1b2c3", "", "00ff00"));
        assertEquals("BSREQ:1747400000:a1b2c3,,00ff00", CODEC.format(r));
        assertEquals(new Parsed(r), CODEC.parseStrict("TWRA", "BSREQ:1747400000:a1b2c3,,00ff00"));
        assertEquals(new Parsed(new Message.BulkRequest(1747400000L)),
                HEAD.parseLikeHeadAddon("BSREQ:1747400000:a1b2c3,,00ff00"));
        Message.UnchangedSections u = new Message.UnchangedSections(1747458000L,
                new java.util.TreeMap<>(java.util.Map.of(3, "0a0b0c", 1, "ffffff")));
        assertEquals("BSSAME:1747458000:1=ffffff,3=0a0b0c", CODEC.format(u));
        assertEquals(new Parsed(u), CODEC.parseStrict("TWRA", "BSSAME:1747458000:1=ffffff,3=0a0b0c"));
        for (String bad : List.of("BSREQ:1:,,", "BSREQ:1:XYZ", "BSSAME:1:", "BSSAME:1:3=aa,1=bb", "BSSAME:1:3",
                "BSSAME:1:0=aa")) {
            assertTrue(CODEC.parseStrict("TWRA", bad) instanceof ParseResult.Rejected, bad);
        }
    }

    static Message randomMessage(Command c, UniformRandomProvider rng) {
        long ts = rng.nextInt(4) == 0 ? 0 : 1_000_000_000L + rng.nextLong(2_000_000_000L);
        int idx = 1 + rng.nextInt(120);
        return switch (c) {
            case SECTION -> new Message.Section(ts, idx);
            case BSREQ -> rng.nextBoolean() ? new Message.BulkRequest(ts)
                    : new Message.BulkRequest(ts, List.of("a1b2c3", "", Integer.toHexString(rng.nextInt(1 << 24))));
            case BSSAME -> new Message.UnchangedSections(ts == 0 ? 1 : ts,
                    new java.util.TreeMap<>(java.util.Map.of(idx, "0f0f0f", idx + 1 + rng.nextInt(5), "abcdef")));
            case BSACK -> new Message.BulkAck(ts, name(rng));
            case BSEC -> new Message.BulkSection(ts, idx, rng.nextBoolean() ? blob(rng) : "CHUNKED:" + tid(rng));
            case BSTR -> new Message.BulkStructure(ts, rng.nextBoolean() ? blob(rng) : "CHUNKED:" + tid(rng));
            case CHUNKED -> new Message.ChunkHeader(rng.nextInt(200_000), tid(rng), 1 + rng.nextInt(60));
            case CHUNK -> new Message.Chunk(tid(rng), 1 + rng.nextInt(60), blob(rng));
            case VER -> new Message.Version(rng.nextInt(10), rng.nextInt(100), rng.nextInt(1000));
            case BSMISS -> new Message.MissingRequest(ts, name(rng),
                    rng.nextBoolean() ? List.of() : List.of(idx, idx + 1 + rng.nextInt(5)));
            case MSREQ, MSACK, MSRES -> new Message.Declared(c, rng.nextBoolean() ? "" : ts + ":" + name(rng));
            case DREQ -> new Message.DataRequest(ts);
            case DRES -> new Message.DataResponse(ts, blob(rng));
            case ANC -> new Message.Announce(ts, rng.nextBoolean() ? "" : name(rng));
            case SREQ -> new Message.StructureRequest(ts);
            case SRES -> new Message.StructureResponse(ts, blob(rng));
            case SECREQ -> new Message.SectionRequest(ts, idx);
            case SECRES -> new Message.SectionResponse(ts, idx, blob(rng));
            case TANK_CLEAR -> new Message.TankClear();
            case TANK_SET -> new Message.TankSet(1 + rng.nextInt(10), rng.nextBoolean() ? "Empty" : name(rng));
        };
    }

    private static String name(UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rng.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append((char) ((i == 0 ? 'A' : 'a') + rng.nextInt(26)));
        }
        return sb.toString();
    }

    private static String tid(UniformRandomProvider rng) {
        return (1_700_000_000L + rng.nextInt(100_000_000)) + "-" + (10000 + rng.nextInt(90000));
    }

    private static String blob(UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder("\u00F1");
        int n = 1 + rng.nextInt(300);
        for (int i = 0; i < n; i++) {
            sb.append(B64.charAt(rng.nextInt(B64.length())));
        }
        return sb.toString();
    }

    private static String randomBytes(UniformRandomProvider rng, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) rng.nextInt(rng.nextInt(8) == 0 ? 0x10000 : 0x100));
        }
        return sb.toString();
    }

    private static String truncate(String s, UniformRandomProvider rng) {
        return s.substring(0, rng.nextInt(s.length() + 1));
    }

    private static String mutate(String s, UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + rng.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int p = rng.nextInt(sb.length());
            switch (rng.nextInt(4)) {
                case 0 -> sb.setCharAt(p, (char) rng.nextInt(0x100));
                case 1 -> sb.insert(p, ':');
                case 2 -> sb.deleteCharAt(p);
                default -> sb.insert(p, "9999999999999999999999");
            }
        }
        return sb.toString();
    }

    private static String randomWireLike(UniformRandomProvider rng) {
        String[] heads = {"SECTION", "BSREQ", "BSACK", "BSEC", "BSTR", "CHUNKED", "CHUNK", "VER", "MSREQ", "SET", "MT CLEAR",
            "XCHUNKX", "ANC", "SECRES", ""};
        String[] parts = {"", "0", "-1", "1.5", "0x1F", "1e309", "abc", "CHUNKED", " 7 ", "99999999999999999999", "\u00F1QQ"};
        StringBuilder sb = new StringBuilder(heads[rng.nextInt(heads.length)]);
        int n = rng.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(rng.nextInt(5) == 0 ? " " : ":").append(parts[rng.nextInt(parts.length)]);
        }
        return sb.toString();
    }
}
