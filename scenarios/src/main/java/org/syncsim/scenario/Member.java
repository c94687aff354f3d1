package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One roster entry: a name, a role and any settings that differ from {@code raid.defaults}.
 *
 * @param name the character name timeline actions refer to
 * @param role {@code leader}, {@code assistant} or {@code member} (default member; the first entry leads if
 *     nobody is named leader)
 * @param playerClass the character's class ({@code class:}), e.g. {@code warrior} (default: by roster position,
 *     {@link PlayerClass#byPosition})
 * @param group its raid subgroup 1..8 (default: by roster position, five per group: entries 1-5 in group 1, ...)
 */
public record Member(
        String name,
        Role role,
        Boolean liveSync,
        Double fps,
        ClockOffset clock,
        ThrottleMode throttle,
        ProfileName profile,
        ClientSettings.Start start,
        ClientSettings.Holds data,
        Boolean tankSync,
        Boolean ora2,
        Boolean autoNavigate,
        @JsonProperty("class") PlayerClass playerClass,
        Integer group) {

    /** A raid role. */
    public enum Role {
        @JsonProperty("leader") LEADER,
        @JsonProperty("assistant") ASSISTANT,
        @JsonProperty("member") MEMBER
    }

    /** The settings this entry overrides (nulls where it follows the defaults). */
    public ClientSettings settings() {
        return new ClientSettings(liveSync, fps, clock, throttle, profile, start, data, tankSync, ora2,
                autoNavigate);
    }
}
