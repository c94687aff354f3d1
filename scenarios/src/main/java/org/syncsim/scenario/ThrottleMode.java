package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a client's addon messages reach the server. */
public enum ThrottleMode {
    /** Straight to {@code SendAddonMessage}, as TWRA does. */
    @JsonProperty("direct") DIRECT,
    /** Through the ChatThrottleLib model. */
    @JsonProperty("ctl") CTL
}
