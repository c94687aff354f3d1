package org.syncsim.protocol;

import org.apache.commons.rng.UniformRandomProvider;

/** Random damage to a wire text for the handler fuzz tests: up to three edits of the kinds a corrupt relay makes. */
public final class Mutations {
    private Mutations() {
    }

    /** {@code text} with 0-3 edits: a byte replaced, a colon inserted, a byte deleted, a cut, or "-1"/"0" inserted. */
    public static String edit(String text, UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder(text);
        int edits = rng.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int p = rng.nextInt(sb.length());
            switch (rng.nextInt(5)) {
                case 0 -> sb.setCharAt(p, (char) rng.nextInt(0x100));
                case 1 -> sb.insert(p, ':');
                case 2 -> sb.deleteCharAt(p);
                case 3 -> sb.setLength(p);
                default -> sb.insert(p, rng.nextBoolean() ? "-1" : "0");
            }
        }
        return sb.toString();
    }

    /** Field values that stress a parser's numbers: huge, negative, non-integral, special. */
    private static final String[] ODD_NUMBERS = {"99999999999999999999999", "9223372036854775808", "-1", "0", "1e308",
        "-1e308", "0x10", "nan", "inf", "1.5", "", " 7", "4294967296"};

    /**
     * {@code text} damaged the ways a relay, a modified client or a bug would (issue 16): truncated, a field added
     * or dropped, a number made odd, a non-ASCII or control character put in, or one of {@link #edit}'s edits.
     */
    public static String damage(String text, UniformRandomProvider rng) {
        int p = text.isEmpty() ? 0 : rng.nextInt(text.length() + 1);
        return switch (rng.nextInt(6)) {
            case 0 -> text.substring(0, p);
            case 1 -> text.substring(0, p) + ":" + ODD_NUMBERS[rng.nextInt(ODD_NUMBERS.length)] + text.substring(p);
            case 2 -> dropField(text, rng);
            case 3 -> oddNumber(text, rng);
            case 4 -> text.substring(0, p) + (char) (0x80 + rng.nextInt(0x800)) + text.substring(p);
            default -> edit(text, rng);
        };
    }

    /** A {@code CHUNKED} header with a random transfer id (often one of {@code tids}), length and count. */
    public static String forgedChunkHeader(java.util.List<String> tids, UniformRandomProvider rng) {
        String tid = !tids.isEmpty() && rng.nextBoolean() ? tids.get(rng.nextInt(tids.size()))
                : rng.nextInt(2_000_000_000) + "-" + (10000 + rng.nextInt(90000));
        String len = rng.nextInt(4) == 0 ? ODD_NUMBERS[rng.nextInt(ODD_NUMBERS.length)]
                : Integer.toString(rng.nextInt(100_000));
        String count = rng.nextInt(4) == 0 ? ODD_NUMBERS[rng.nextInt(ODD_NUMBERS.length)]
                : Integer.toString(rng.nextInt(60));
        return "CHUNKED:" + len + ":" + tid + ":" + count;
    }

    private static String dropField(String text, UniformRandomProvider rng) {
        java.util.List<String> f = new java.util.ArrayList<>(java.util.Arrays.asList(text.split(":", -1)));
        f.remove(rng.nextInt(f.size()));
        return String.join(":", f);
    }

    private static String oddNumber(String text, UniformRandomProvider rng) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(text);
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        while (m.find()) {
            runs.add(new int[] {m.start(), m.end()});
        }
        if (runs.isEmpty()) {
            return text + ":" + ODD_NUMBERS[rng.nextInt(ODD_NUMBERS.length)];
        }
        int[] r = runs.get(rng.nextInt(runs.size()));
        return text.substring(0, r[0]) + ODD_NUMBERS[rng.nextInt(ODD_NUMBERS.length)] + text.substring(r[1]);
    }
}
