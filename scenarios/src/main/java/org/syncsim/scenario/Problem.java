package org.syncsim.scenario;

/**
 * One thing wrong with a scenario: the JSON pointer of the offending value (e.g. {@code /timeline/2/who}) and
 * what was expected.
 */
record Problem(String pointer, String message) {
    /** The pointer as a user writes a path: {@code timeline[2].who}. */
    static String dotted(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String seg : pointer.split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            String s = seg.replace("~1", "/").replace("~0", "~");
            if (s.chars().allMatch(Character::isDigit)) {
                b.append('[').append(s).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(s);
            }
        }
        return b.length() == 0 ? "(top level)" : b.toString();
    }
}
