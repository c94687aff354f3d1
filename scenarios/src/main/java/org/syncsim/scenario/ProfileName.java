package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The protocol generation a client runs (see the protocol spec's profile table). */
public enum ProfileName {
    /** The generation the planning document describes (G1). */
    @JsonProperty("seed") SEED,
    /** The addon as it is today: pull on staleness, push everything. */
    @JsonProperty("head") HEAD,
    /** The improvement plan's policies on top of a base profile. */
    @JsonProperty("plan") PLAN
}
