package org.syncsim.protocol.data.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/**
 * Lua 5.1 string literals as {@code loadstring("return " .. text)} reads them (Lua 5.1 manual §2.1): the escapes
 * {@code \a \b \f \n \r \t \v \\ \" \'}, {@code \ddd} with up to three decimal digits (at most 255), an escaped
 * line break as a newline (a CRLF or LFCR pair as one), and long brackets {@code [[...]]}, {@code [==[...]==]}
 * whose first newline is skipped.
 */
class LuaTableReaderTest {
    private static Object value(String text) {
        LuaTableReader.Result r = LuaTableReader.read(text);
        return assertInstanceOf(LuaTableReader.Result.Ok.class, r, text).value();
    }

    private static void error(String text) {
        assertInstanceOf(LuaTableReader.Result.Error.class, LuaTableReader.read(text), text);
    }

    @Test
    void everyEscapeStandsForItsByte() {
        assertEquals("\u0007\b\f\n\r\t\u000B\\\"'", value("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\'\""));
        assertEquals("A\u0000z", value("'\\65\\0z'"));
        assertEquals("\u00079", value("'\\0079'"), "at most three digits");
        assertEquals("q", value("'\\q'"), "any other character stands for itself");
        error("'\\256'");
        error("'\\");
        error("'abc");
        error("'a\nb'");
    }

    @Test
    void anEscapedLineBreakIsOneNewline() {
        assertEquals("a\nb", value("'a\\\nb'"));
        assertEquals("a\nb", value("'a\\\r\nb'"));
        assertEquals("a\nb", value("'a\\\n\rb'"));
        assertEquals("a\n\nb", value("'a\\\n\\\nb'"));
    }

    @Test
    void longBracketsOfAnyLevelSkipTheirFirstNewline() {
        assertEquals("x]]y", value("[==[x]]y]==]"));
        assertEquals("line", value("[[\nline]]"));
        assertEquals("line", value("[[\r\nline]]"));
        assertEquals("line", value("[=[\n\rline]=]"));
        assertEquals("\nline", value("[[\n\nline]]"));
        assertEquals("", value("[[]]"));
        error("[[never closed");
        error("[=[closed at the wrong level]]");
    }
}
