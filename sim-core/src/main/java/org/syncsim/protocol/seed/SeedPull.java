package org.syncsim.protocol.seed;

/**
 * Which pull a newer timestamp seen in {@code SECTION}/{@code ANC} triggers in the {@code seed} profile: the G1
 * segmented structure pull {@code SREQ} (spec §10.2, the default) or G0's full-data pull {@code DREQ:<ts>}, sent at
 * once with no cooldown (§10.1). Both generations' responders are always present; this only picks the trigger.
 */
public enum SeedPull {
    SEGMENTED, FULL
}
