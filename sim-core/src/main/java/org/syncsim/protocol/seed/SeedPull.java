package org.syncsim.protocol.seed;

import java.util.Locale;

/**
 * Which pull a newer timestamp seen in {@code SECTION}/{@code ANC} triggers in the {@code seed} profile: the G1
 * segmented structure pull {@code SREQ} (spec §10.2, the default) or G0's full-data pull {@code DREQ:<ts>}, sent at
 * once with no cooldown (§10.1). Both generations' responders are always present; this only picks the trigger.
 */
public enum SeedPull {
    SEGMENTED, FULL;

    /** The scenario spelling: {@code segmented} or {@code full}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The pull called {@code label} ({@code segmented}/{@code full}); IllegalArgumentException otherwise. */
    public static SeedPull byLabel(String label) {
        for (SeedPull p : values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown seed pull '" + label + "'; known: segmented, full");
    }
}
