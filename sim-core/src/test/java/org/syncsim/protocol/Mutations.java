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
}
