package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The people: {@code size} clients, the first ones described by {@code members}, the rest generated
 * ({@code Raider02}, {@code Raider03}, ... by position), all with {@code defaults} unless their entry says
 * otherwise.
 *
 * @param size how many clients take part (default: the number of listed members, or 40 if none are listed)
 * @param defaults settings shared by every member
 * @param members named members with their role and overrides, in roster order
 * @param stress true to allow more members than the game's raid of 40 (up to {@value #MAX_STRESS_SIZE}): a load
 *     test of the simulator, not a realistic raid
 */
public record Raid(Integer size, ClientSettings defaults, List<Member> members,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean stress) {
    public static final int MAX_SIZE = 40;
    /** The largest stress raid. */
    public static final int MAX_STRESS_SIZE = 1000;

    public Raid(Integer size, ClientSettings defaults, List<Member> members) {
        this(size, defaults, members, null);
    }

    /** The most members this raid may have. */
    public int maxSize() {
        return stress ? MAX_STRESS_SIZE : MAX_SIZE;
    }

    public Raid {
        stress = stress != null && stress;
        members = members == null ? List.of() : List.copyOf(members);
        defaults = defaults == null ? ClientSettings.EMPTY : defaults;
        if (size == null) {
            size = members.isEmpty() ? MAX_SIZE : members.size();
        }
    }
}
