package org.syncsim.protocol.data.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads the value of {@code loadstring("return " .. text)} for the subset of Lua the addon's serialiser emits:
 * one table constructor (or scalar) built from string, number, boolean and {@code nil} literals and nested
 * constructors, with {@code [k]=v}, {@code name=v} and positional fields, {@code ,}/{@code ;} separators,
 * whitespace and comments. String escapes follow Lua 5.1, including its quirk that a backslash before a CR or LF
 * yields LF (so a serialised CR comes back as LF). Anything else (operators, calls, variables other than
 * {@code true/false/nil}) is rejected; the addon would evaluate such text, but no serialiser produces it.
 *
 * <p>Total: every input yields a value or an error message, never an exception. Strings are returned decoded as
 * UTF-8 (the game's text encoding).
 */
public final class LuaTableReader {
    /** A decimal numeral as Lua 5.1's reader accepts it (no hex: the serialiser never writes one). */
    private static final Pattern NUMERAL =
            Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Nesting limit, as Lua 5.1's parser limits C-level recursion (LUAI_MAXCCALLS = 200). */
    public static final int MAX_DEPTH = 200;

    /** Lua 5.1's LFIELDS_PER_FLUSH. */
    private static final int FIELDS_PER_FLUSH = 50;

    /** The outcome of {@link #read}. */
    public sealed interface Result {
        record Ok(Object value) implements Result {}

        record Error(String message) implements Result {}
    }

    private static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private int pos;

    private LuaTableReader(String text) {
        this.text = text;
    }

    /** Parses {@code text} (a byte string) as the expression after {@code return}. */
    public static Result read(String text) {
        LuaTableReader r = new LuaTableReader(text);
        try {
            r.skipSpace();
            Object v = r.value(0);
            r.skipSpace();
            if (r.pos != text.length()) {
                throw new SyntaxError("unexpected text at byte " + r.pos);
            }
            return new Result.Ok(v);
        } catch (SyntaxError e) {
            return new Result.Error(e.getMessage());
        } catch (RuntimeException e) {
            return new Result.Error("unreadable: " + e);
        }
    }

    private Object value(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw new SyntaxError("expression nested too deeply");
        }
        if (pos >= text.length()) {
            throw new SyntaxError("unexpected end of text");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return table(depth + 1);
        }
        if (c == '"' || c == '\'') {
            return string(c);
        }
        if (c == '[' && isLongBracket(pos)) {
            return longBracket();
        }
        if (c == '-') {
            pos++;
            skipSpace();
            Object v = value(depth + 1);
            if (v instanceof Long l) {
                return l == 0 ? (Object) (-0.0) : (Object) (-l);
            }
            if (v instanceof Double d) {
                return -d;
            }
            throw new SyntaxError("attempt to negate a non-number");
        }
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (isNameStart(c)) {
            String name = name();
            switch (name) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "nil":
                    return null;
                default:
                    throw new SyntaxError("unsupported expression '" + name + "'");
            }
        }
        throw new SyntaxError("unexpected symbol '" + c + "' at byte " + pos);
    }

    private LuaTable table(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw new SyntaxError("tables nested too deeply");
        }
        pos++; // '{'
        LuaTable t = new LuaTable();
        // Lua 5.1 stores positional items in batches (SETLIST, every 50 items and at the closing brace), so a
        // positional item overrides an explicit [n]= written after it within the same batch.
        java.util.List<Object> pending = new java.util.ArrayList<>();
        long[] nextPositional = {1};
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                throw new SyntaxError("unfinished table");
            }
            char c = text.charAt(pos);
            if (c == '}') {
                pos++;
                flush(t, pending, nextPositional);
                return t;
            }
            if (pending.size() == FIELDS_PER_FLUSH) {
                flush(t, pending, nextPositional);
            }
            if (c == '[' && !isLongBracket(pos)) {
                pos++;
                skipSpace();
                Object key = value(depth);
                skipSpace();
                expect(']');
                skipSpace();
                expect('=');
                skipSpace();
                Object v = value(depth);
                if (key == null) {
                    throw new SyntaxError("table index is nil");
                }
                if (key instanceof Double d && Double.isNaN(d)) {
                    throw new SyntaxError("table index is NaN");
                }
                t.put(key, v);
            } else if (isNameStart(c) && isNameField()) {
                String key = name();
                skipSpace();
                expect('=');
                skipSpace();
                t.put(key, value(depth));
            } else {
                pending.add(value(depth));
            }
            skipSpace();
            if (pos >= text.length()) {
                throw new SyntaxError("unfinished table");
            }
            c = text.charAt(pos);
            if (c == ',' || c == ';') {
                pos++;
            } else if (c != '}') {
                throw new SyntaxError("'}' expected at byte " + pos);
            }
        }
    }

    private static void flush(LuaTable t, java.util.List<Object> pending, long[] next) {
        for (Object v : pending) {
            t.put(next[0]++, v);
        }
        pending.clear();
    }

    /** True when the identifier at {@code pos} is followed by '=' (and not '=='), i.e. a {@code name=value} field. */
    private boolean isNameField() {
        int p = pos;
        while (p < text.length() && isNameChar(text.charAt(p))) {
            p++;
        }
        while (p < text.length() && isSpace(text.charAt(p))) {
            p++;
        }
        return p < text.length() && text.charAt(p) == '=' && (p + 1 >= text.length() || text.charAt(p + 1) != '=');
    }

    private String string(char quote) throws SyntaxError {
        pos++;
        for (int i = pos; i < text.length(); i++) { // plain ASCII up to the closing quote: the text as it stands
            char c = text.charAt(i);
            if (c == quote) {
                String plain = text.substring(pos, i);
                pos = i + 1;
                return plain;
            }
            if (c >= 0x80 || c == '\\' || c == '\n' || c == '\r') {
                break;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= text.length()) {
                throw new SyntaxError("unfinished string");
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return new String(out.toByteArray(), StandardCharsets.UTF_8);
            }
            if (c == '\n' || c == '\r') {
                throw new SyntaxError("unfinished string");
            }
            if (c != '\\') {
                out.write(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= text.length()) {
                throw new SyntaxError("unfinished string");
            }
            char e = text.charAt(pos);
            switch (e) {
                case 'n' -> { out.write('\n'); pos++; }
                case 't' -> { out.write('\t'); pos++; }
                case 'r' -> { out.write('\r'); pos++; }
                case 'a' -> { out.write(7); pos++; }
                case 'b' -> { out.write('\b'); pos++; }
                case 'f' -> { out.write('\f'); pos++; }
                case 'v' -> { out.write(11); pos++; }
                case '\n', '\r' -> {
                    // Lua 5.1: an escaped line break is a newline; a CRLF or LFCR pair counts as one.
                    out.write('\n');
                    pos++;
                    if (pos < text.length()) {
                        char n = text.charAt(pos);
                        if ((n == '\n' || n == '\r') && n != e) {
                            pos++;
                        }
                    }
                }
                default -> {
                    if (isDigit(e)) {
                        int v = 0;
                        int i = 0;
                        while (i < 3 && pos < text.length() && isDigit(text.charAt(pos))) {
                            v = v * 10 + (text.charAt(pos) - '0');
                            pos++;
                            i++;
                        }
                        if (v > 255) {
                            throw new SyntaxError("escape sequence too large");
                        }
                        out.write(v);
                    } else {
                        out.write(e); // \\, \", \' and any other char stand for themselves in Lua 5.1
                        pos++;
                    }
                }
            }
        }
    }

    private boolean isLongBracket(int p) {
        if (p >= text.length() || text.charAt(p) != '[') {
            return false;
        }
        p++;
        while (p < text.length() && text.charAt(p) == '=') {
            p++;
        }
        return p < text.length() && text.charAt(p) == '[';
    }

    private String longBracket() throws SyntaxError {
        int level = 0;
        pos++;
        while (text.charAt(pos) == '=') {
            level++;
            pos++;
        }
        pos++;
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
            if (pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
        } else if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
            if (pos < text.length() && text.charAt(pos) == '\r') {
                pos++;
            }
        }
        String close = "]" + "=".repeat(level) + "]";
        int end = text.indexOf(close, pos);
        if (end < 0) {
            throw new SyntaxError("unfinished long string");
        }
        String body = text.substring(pos, end);
        pos = end + close.length();
        return new String(ByteStrings.bytes(body), StandardCharsets.UTF_8);
    }

    private Object number() throws SyntaxError {
        int start = pos;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            while (pos < text.length() && (isNameChar(text.charAt(pos)))) {
                pos++;
            }
            String hex = text.substring(start + 2, pos);
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                throw new SyntaxError("malformed number near '" + text.substring(start, pos) + "'");
            }
            return Long.parseLong(hex, 16);
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isDigit(c) || c == '.') {
                pos++;
            } else if ((c == 'e' || c == 'E')) {
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
            } else if (isNameChar(c)) {
                pos++;
            } else {
                break;
            }
        }
        String lexeme = text.substring(start, pos);
        if (lexeme.length() <= MAX_PLAIN_DIGITS && allDigits(lexeme)) {
            return Long.parseLong(lexeme); // what the numeral, parseDouble and the integral test below give
        }
        if (!NUMERAL.matcher(lexeme).matches()) {
            throw new SyntaxError("malformed number near '" + lexeme + "'");
        }
        double d = Double.parseDouble(lexeme);
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return (long) d;
        }
        return d;
    }

    /** Digits-only numerals this long are exact in a double, so they are read as integers directly. */
    private static final int MAX_PLAIN_DIGITS = 15;

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expect(char c) throws SyntaxError {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new SyntaxError("'" + c + "' expected at byte " + pos);
        }
        pos++;
    }

    private void skipSpace() throws SyntaxError {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (c == '-' && text.startsWith("--", pos)) {
                pos += 2;
                if (isLongBracket(pos)) {
                    longBracket();
                } else {
                    while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                        pos++;
                    }
                }
            } else {
                return;
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 11 || c == '\f';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
