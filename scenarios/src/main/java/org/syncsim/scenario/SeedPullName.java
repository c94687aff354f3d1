package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** For the {@code seed} profile: which pull a newer timestamp triggers (see docs/protocol.md, seed profile). */
public enum SeedPullName {
    /** The G1 structure pull {@code SREQ} (spec §10.2). */
    @JsonProperty("segmented") SEGMENTED,
    /** G0's full-data pull {@code DREQ}, at once, no cooldown (spec §10.1). */
    @JsonProperty("full") FULL
}
