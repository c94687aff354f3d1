package org.syncsim.protocol.wire;

/**
 * Lua 5.0's {@code tonumber(string)} as far as the addon's fields need it: optional surrounding whitespace, an
 * optional sign, decimal digits with optional fraction and exponent, or a {@code 0x} hexadecimal integer
 * ({@code luaO_str2d}: {@code strtod}, then {@code strtoul(.., 16)} on an {@code x}). C99 extras that
 * {@code strtod} may accept ({@code inf}, {@code nan}, hex floats) are treated as not-a-number: the addon's
 * peers never send them.
 */
public final class LuaNumbers {
    private LuaNumbers() {
    }

    /** The number {@code s} denotes, or {@link Double#NaN} where Lua's {@code tonumber} would return nil. */
    public static double toNumber(String s) {
        if (s == null) {
            return Double.NaN;
        }
        int n = s.length();
        int i = 0;
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        int end = n;
        while (end > i && isSpace(s.charAt(end - 1))) {
            end--;
        }
        if (i >= end) {
            return Double.NaN;
        }
        String t = s.substring(i, end);
        int p = 0;
        boolean negative = false;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            negative = t.charAt(0) == '-';
            p = 1;
        }
        if (t.length() - p > 2 && t.charAt(p) == '0' && (t.charAt(p + 1) == 'x' || t.charAt(p + 1) == 'X')) {
            long v = 0;
            for (int k = p + 2; k < t.length(); k++) {
                int d = Character.digit(t.charAt(k), 16);
                if (d < 0 || t.charAt(k) > 0x7F) {
                    return Double.NaN;
                }
                v = v * 16 + d;
                if (v > (1L << 53)) {
                    return Double.NaN;
                }
            }
            return negative ? -v : v;
        }
        int digits = 0;
        int k = p;
        while (k < t.length() && isDigit(t.charAt(k))) {
            k++;
            digits++;
        }
        if (k < t.length() && t.charAt(k) == '.') {
            k++;
            while (k < t.length() && isDigit(t.charAt(k))) {
                k++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (k < t.length() && (t.charAt(k) == 'e' || t.charAt(k) == 'E')) {
            int e = k + 1;
            if (e < t.length() && (t.charAt(e) == '+' || t.charAt(e) == '-')) {
                e++;
            }
            int expDigits = 0;
            while (e < t.length() && isDigit(t.charAt(e))) {
                e++;
                expDigits++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            k = e;
        }
        if (k != t.length()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(t.substring(p));
        return negative ? -v : v;
    }

    /** True if {@code v} is an integer that a {@code long} holds exactly (|v| ≤ 2^53). */
    public static boolean isExactInteger(double v) {
        return !Double.isNaN(v) && v == Math.rint(v) && Math.abs(v) <= (double) (1L << 53);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
