package org.syncsim.scenario;

import java.util.List;

/**
 * The people: {@code size} clients, the first ones described by {@code members}, the rest generated
 * ({@code Raider02}, {@code Raider03}, ... by position), all with {@code defaults} unless their entry says
 * otherwise.
 *
 * @param size how many clients take part (default: the number of listed members, or 40 if none are listed)
 * @param defaults settings shared by every member
 * @param members named members with their role and overrides, in roster order
 */
public record Raid(Integer size, ClientSettings defaults, List<Member> members) {
    public static final int MAX_SIZE = 40;

    public Raid {
        members = members == null ? List.of() : List.copyOf(members);
        defaults = defaults == null ? ClientSettings.EMPTY : defaults;
        if (size == null) {
            size = members.isEmpty() ? MAX_SIZE : members.size();
        }
    }
}
