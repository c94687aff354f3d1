package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * When a run ends (besides {@code run.limit}), written as text: {@code all-synced}, {@code quiet-for 60s} or
 * {@code t 600s}.
 */
public sealed interface StopCondition {
    String PATTERN = "^(all-synced|quiet-for [0-9]+(\\.[0-9]+)?(us|ms|s|m|h)|t [0-9]+(\\.[0-9]+)?(us|ms|s|m|h))$";

    /**
     * After the last timeline action, every member in the group holds the newest data and nothing has been
     * sent for {@code run.settle} (so that pushes already scheduled are counted).
     */
    record AllSynced() implements StopCondition {
        @Override
        public String text() {
            return "all-synced";
        }
    }

    /** After the last timeline action, nothing has been sent for {@code quiet}. */
    record QuietFor(Span quiet) implements StopCondition {
        @Override
        public String text() {
            return "quiet-for " + quiet;
        }
    }

    /** At virtual time {@code end}. */
    record At(Span end) implements StopCondition {
        @Override
        public String text() {
            return "t " + end;
        }
    }

    @JsonCreator
    static StopCondition parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals("all-synced")) {
            return new AllSynced();
        }
        if (t.startsWith("quiet-for ")) {
            return new QuietFor(Span.parse(t.substring("quiet-for ".length())));
        }
        if (t.startsWith("t ")) {
            return new At(Span.parse(t.substring(2)));
        }
        throw new IllegalArgumentException("expected all-synced, quiet-for <time> (e.g. quiet-for 60s) or t <time>"
                + " (e.g. t 600s), got \"" + text + "\"");
    }

    @JsonValue
    String text();
}
