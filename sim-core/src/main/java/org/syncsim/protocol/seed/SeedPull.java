package org.syncsim.protocol.seed;

/**
 * Which generation's pull the {@code seed} profile runs: the G1 segmented pull alone (spec §10.2, the default: a
 * newer timestamp sends {@code SREQ}, and {@code DREQ}/{@code DRES} are placeholders nobody answers or applies), or
 * the G1 pull with G0's full-data pull on top (§10.1, an option modelling the earlier generation): a newer timestamp
 * sends {@code DREQ:<ts>} at once with no cooldown, and every member answers and applies {@code DRES}.
 */
public enum SeedPull {
    SEGMENTED, FULL
}
