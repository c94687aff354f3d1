/**
 * The {@code seed} profile: the addon's G1 generation (reference snapshot {@code 67f91a7}, spec §10.2), the one
 * the planning document describes: lazy segmented pull ({@code SREQ}/{@code SRES}, {@code SECREQ}/{@code SECRES}),
 * the {@code ANC} import announcement and the old prefixed chunk format, flaws included.
 */
package org.syncsim.protocol.seed;
