package org.syncsim.protocol.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Joined chunk data is shared between receivers of the same parts, and equal texts are one instance. */
class ChunkJoinsTest {
    @Test
    void theSamePartsGiveTheSameInstanceAndEqualTextsAreCanonical() {
        ChunkJoins joins = new ChunkJoins();
        String a = new String("abc");
        String b = new String("def");
        String first = joins.join(new String[] {a, b});
        assertEquals("abcdef", first);
        assertSame(first, joins.join(new String[] {a, b}), "a second receiver of the same parts");
        assertSame(first, joins.join(new String[] {new String("abcd"), new String("ef")}),
                "another transfer of the same text");
        assertEquals("abcxyz", joins.join(new String[] {a, new String("xyz")}));
        assertEquals("", joins.join(new String[0]));
    }

    @Test
    void aCallerChangingItsArrayLaterDoesNotChangeWhatIsRemembered() {
        ChunkJoins joins = new ChunkJoins();
        String a = "a1";
        String b = "b2";
        String[] parts = {a, b};
        String joined = joins.join(7, parts);
        parts[1] = "zz";
        assertEquals("a1zz", joins.join(7, parts));
        assertSame(joined, joins.join(7, new String[] {a, b}));
        assertNotSame(joined, joins.join(7, parts));
    }

    @Test
    void textsSharingAFingerprintStayThemselves() {
        ChunkJoins joins = new ChunkJoins();
        String base = "x".repeat(1000);
        String other = base.substring(0, 500) + "y" + base.substring(501); // position 500 is not sampled
        assertEquals(ChunkJoins.fingerprint(base), ChunkJoins.fingerprint(other));
        String first = joins.join(new String[] {base.substring(0, 600), base.substring(600)});
        assertEquals(base, first);
        String second = joins.join(new String[] {other.substring(0, 600), other.substring(600)});
        assertEquals(other, second);
        assertSame(second, joins.join(new String[] {other.substring(0, 20), other.substring(20)}),
                "the latest text of a fingerprint is the canonical one");
        assertEquals(base, joins.join(new String[] {base.substring(0, 10), base.substring(10)}));
    }

    @Test
    void aTransfersJoinIsHandedToTheNextReceiverOfTheSamePartsOnly() {
        ChunkJoins joins = new ChunkJoins();
        String a = "x".repeat(100);
        String b = "y".repeat(100);
        String first = joins.join(3, new String[] {a, b});
        assertSame(first, joins.join(3, new String[] {a, b}), "the same parts of the same transfer");
        assertEquals(a + a, joins.join(3, new String[] {a, new String(a)}), "a receiver with another part");
        assertEquals(b + a, joins.join(3 + 1024, new String[] {b, a}), "another transfer in the same slot");
        assertSame(first, joins.join(3, new String[] {a, b}), "an equal text is canonical");
        assertEquals("pq", joins.join(3, new String[] {"p", "q"}), "a receiver none of whose parts are the same");
    }

    @Test
    void aRememberedTextIsTheInstanceEveryLaterJoinOfItReturns() {
        ChunkJoins joins = new ChunkJoins();
        String held = new String("sectionblob");
        joins.remember(held);
        assertSame(held, joins.join(new String[] {new String("section"), new String("blob")}));
        assertEquals("sectionbl0b", joins.join(new String[] {"section", "bl0b"}));
    }
}
