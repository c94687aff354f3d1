package org.syncsim.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Property-based round trips of the wire format (spec §2-§3): whatever the values, what a client formats the
 * receiving parsers read back as the same message, and no text makes a parser throw.
 */
class WireCodecPropertiesTest {
    private final WireCodec head = new WireCodec(WireSpelling.head());

    /** Base64 blob text with the section marker, as BSEC/BSTR carry it (no colon, not empty). */
    @Provide
    Arbitrary<String> blobs() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                .ofMinLength(1).ofMaxLength(3000).map(s -> "\u00F1" + s);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Long> ts = Arbitraries.longs().between(1, 4_000_000_000L);
        Arbitrary<Integer> index = Arbitraries.integers().between(1, 200);
        Arbitrary<String> name = Arbitraries.strings().alpha().ofMinLength(2).ofMaxLength(12);
        Arbitrary<String> tid = Combinators.combine(ts, Arbitraries.integers().between(10000, 99999))
                .as((s, r) -> s + "-" + r);
        return Arbitraries.oneOf(
                Combinators.combine(ts, index).as(Message.Section::new),
                ts.map(Message.BulkRequest::new),
                Combinators.combine(ts, name).as(Message.BulkAck::new),
                Combinators.combine(ts, index, blobs()).as(Message.BulkSection::new),
                Combinators.combine(ts, blobs()).as(Message.BulkStructure::new),
                Combinators.combine(Arbitraries.longs().between(1, 1_000_000), tid,
                        Arbitraries.integers().between(1, 500)).as(Message.ChunkHeader::new),
                Combinators.combine(tid, index, blobs()).as(Message.Chunk::new));
    }

    @Property(tries = 2000)
    void theStrictParserReadsBackWhatWasFormatted(@ForAll("messages") Message m) {
        ParseResult r = head.parseStrict(Command.Prefix.TWRA.name(), head.format(m));
        assertEquals(new ParseResult.Parsed(m), r);
    }

    @Property(tries = 2000)
    void theHeadAddonsParserReadsBackWhatHeadFormats(@ForAll("messages") Message m) {
        assertEquals(new ParseResult.Parsed(m), head.parseLikeHeadAddon(head.format(m)));
    }

    @Property(tries = 3000)
    void noTextMakesAParserThrow(@ForAll @StringLength(max = 300) String text) {
        assertNotNull(head.parseLikeHeadAddon(text));
        assertNotNull(head.parseStrict(Command.Prefix.TWRA.name(), text));
        assertNotNull(head.parseStrict("CTRA", text));
    }

    @Property(tries = 2000)
    void noMutationOfARealMessageMakesAParserThrow(@ForAll("messages") Message m,
            @ForAll @IntRange(min = 0, max = 3000) int at, @ForAll @LongRange(min = 0, max = 6) long kind,
            @ForAll char c) {
        String text = head.format(m);
        int p = Math.min(at, text.length());
        String mutated = switch ((int) kind) {
            case 0 -> text.substring(0, p); // truncated
            case 1 -> text.substring(0, p) + ":" + text.substring(p); // a field more
            case 2 -> text.replaceFirst(":[^:]*", ""); // a field less
            case 3 -> text.replaceFirst("\\d+", "99999999999999999999999"); // a huge number
            case 4 -> text.replaceFirst("\\d+", "-1e308");
            case 5 -> text.substring(0, p) + c + text.substring(p); // any character, non-ASCII included
            default -> text.replaceFirst("\\d+", "nan");
        };
        assertNotNull(head.parseLikeHeadAddon(mutated));
        assertNotNull(head.parseStrict(Command.Prefix.TWRA.name(), mutated));
    }
}
