package org.syncsim.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Lua 5.0's {@code tonumber(s)} ({@code luaO_str2d}): C's {@code strtod} (leading whitespace, sign, digits with an
 * optional fraction and exponent), {@code strtoul(s, 16)} when {@code strtod} stops at an {@code x}, then nothing
 * but whitespace may follow; anything else is nil (NaN here).
 */
class LuaNumbersTest {
    private static void number(double expected, String s) {
        assertEquals(expected, LuaNumbers.toNumber(s), "tonumber(\"" + s + "\")");
    }

    private static void nil(String s) {
        assertTrue(Double.isNaN(LuaNumbers.toNumber(s)), "tonumber(\"" + s + "\") is nil");
    }

    @Test
    void decimalsWithSignFractionExponentAndSurroundingWhitespace() {
        number(12, " 12 ");
        number(-3, "\t-3\n");
        number(5, "+5");
        number(1.5, "1.5");
        number(0.5, ".5");
        number(5, "5.");
        number(1000, "1e3");
        number(100, "1E+2");
        number(0.01, "1e-2");
        number(-250, "-2.5e2");
        number(1747458002, "1747458002\r\f\u000B");
    }

    @Test
    void hexadecimalIntegersUpToTwoToThe53() {
        number(31, "0x1F");
        number(16, "0X10");
        number(9007199254740992.0, "0x20000000000000");
        nil("0x20000000000001");
        nil("0x");
        nil("-0x");
        nil("0xG");
        nil("0x\u0661"); // a digit to Java, not to C
    }

    @Test
    void anythingElseIsNil() {
        nil(null);
        nil("");
        nil("   ");
        nil(".");
        nil("-");
        nil("1e");
        nil("1e+");
        nil("12a");
        nil("1 2");
        nil("inf");
        nil("nan");
    }

    @Test
    void exactIntegersAreThoseALongHoldsUpToTwoToThe53() {
        double limit = 9007199254740992.0;
        assertTrue(LuaNumbers.isExactInteger(limit));
        assertTrue(LuaNumbers.isExactInteger(-limit));
        assertFalse(LuaNumbers.isExactInteger(limit + 2));
        assertFalse(LuaNumbers.isExactInteger(1.5));
        assertFalse(LuaNumbers.isExactInteger(Double.NaN));
        assertTrue(LuaNumbers.isExactInteger(0));
    }
}
