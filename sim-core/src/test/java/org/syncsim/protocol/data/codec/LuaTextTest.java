package org.syncsim.protocol.data.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class LuaTextTest {

    private static Object read(String text) {
        LuaTableReader.Result r = LuaTableReader.read(text);
        return assertInstanceOf(LuaTableReader.Result.Ok.class, r, () -> r.toString()).value();
    }

    private static void rejected(String text) {
        assertInstanceOf(LuaTableReader.Result.Error.class, LuaTableReader.read(text), text);
    }

    @Test
    void writerUsesBracketKeysCommasAndNoWhitespace() {
        LuaTextWriter w = new LuaTextWriter(16);
        w.beginTable().key("Section Name").string("Patchwerk").key("H").stringArray(List.of("Icon", ""))
                .key("n").numberArray(List.of(3, 12)).key(7).bool(false).key("timestamp").number(1747458000L)
                .endTable();
        assertEquals("{[\"Section Name\"]=\"Patchwerk\",[\"H\"]={[1]=\"Icon\",[2]=\"\"},[\"n\"]={[1]=3,[2]=12},"
                + "[7]=false,[\"timestamp\"]=1747458000}", w.text());
    }

    @Test
    void writerEscapesQuoteBackslashCrAndLfWithABackslash() {
        LuaTextWriter w = new LuaTextWriter(16);
        w.string("a\"b\\c\nd\re'f");
        assertEquals("\"a\\\"b\\\\c\\\nd\\\re'f\"", w.text());
    }

    @Test
    void readerRestoresEscapedTextButLuaTurnsEscapedCrIntoLf() {
        LuaTextWriter w = new LuaTextWriter(16);
        w.string("a\"b\\c\nd'e");
        assertEquals("a\"b\\c\nd'e", read(w.text()));
        LuaTextWriter cr = new LuaTextWriter(16);
        cr.string("x\r\ny\rz");
        // Lua 5.1: backslash + CR reads as LF; the pair "\<CR>\<LF>" is two escaped breaks.
        assertEquals("x\n\ny\nz", read(cr.text()));
    }

    @Test
    void readerAcceptsTheLuaTableSubset() {
        LuaTable t = (LuaTable) read(" { [1] = 'a' ; b = \"c\", 3, [\"d\"]={}, e = -2.5, f = 0x10, g = nil, "
                + "h = true, -- comment\n i = [[long]], [2.0] = 'two', } ");
        assertEquals(3L, t.get(1L)); // positional items are stored at the closing brace, after [1]='a'
        assertEquals(1L, ((LuaTable) read("{[1]=1,2}")).maxIndex());
        assertEquals("c", t.get("b"));
        assertEquals("two", t.get(2L)); // [2.0] is the same key as [2]
        assertEquals(-2.5, t.get("e"));
        assertEquals(16L, t.get("f"));
        assertNull(t.get("g"));
        assertEquals(Boolean.TRUE, t.get("h"));
        assertEquals("long", t.get("i"));
        assertEquals(0, ((LuaTable) t.get("d")).size());
        assertEquals("\u00e9", read("\"\\195\\169\""));
    }

    @Test
    void readerRejectsWhatIsNotATableConstructor() {
        for (String s : new String[] {"", "{", "}", "{[1]=}", "{[nil]=1}", "{1 2}", "\"abc", "\"a\nb\"", "{x}",
            "{a=b}", "{}}", "{[1]=\"\\400\"}", "1..2", "{f()}", "{[[x}", "{0x}", "{1e}", "print"}) {
            rejected(s);
        }
        rejected("{".repeat(LuaTableReader.MAX_DEPTH + 1) + "}".repeat(LuaTableReader.MAX_DEPTH + 1));
        read("{".repeat(LuaTableReader.MAX_DEPTH) + "}".repeat(LuaTableReader.MAX_DEPTH));
        rejected("- ".repeat(100_000) + "1");
        rejected("{".repeat(100_000));
        assertEquals(-5L, read("- - -5"));
    }

    @Test
    void readerNeverThrowsOnMutatedText() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {9, 9});
        String base = "{[\"Section Name\"]=\"Gluth\",[\"Section Rows\"]={[1]={[1]=\"Skull\",[2]=\"Gluth\"}},"
                + "[\"timestamp\"]=1747458000}";
        String alphabet = "{}[]=,;\"'\\-0123456789.exabc \n\r";
        for (int trial = 0; trial < 50_000; trial++) {
            StringBuilder sb = new StringBuilder(base);
            int edits = 1 + rng.nextInt(5);
            for (int e = 0; e < edits && sb.length() > 0; e++) {
                int p = rng.nextInt(sb.length());
                switch (rng.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(p);
                    case 1 -> sb.insert(p, alphabet.charAt(rng.nextInt(alphabet.length())));
                    default -> sb.setCharAt(p, (char) rng.nextInt(256));
                }
            }
            LuaTableReader.read(sb.toString()); // must not throw
        }
    }
}
