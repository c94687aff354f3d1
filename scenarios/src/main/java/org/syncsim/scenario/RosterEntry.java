package org.syncsim.scenario;

/**
 * One client with every setting resolved (its roster entry over {@code raid.defaults} over the built-in and
 * channel/protocol defaults). {@code id} is the dense client id used by the channel and the metrics. Class and
 * raid subgroup are the member's own or follow from its position ({@link PlayerClass#byPosition}, five per group).
 */
public record RosterEntry(
        int id,
        String name,
        Member.Role role,
        boolean liveSync,
        double fps,
        long clockOffsetMicros,
        ThrottleMode throttle,
        ProfileName profile,
        ClientSettings.Start start,
        ClientSettings.Holds data,
        boolean tankSync,
        boolean ora2,
        boolean autoNavigate,
        PlayerClass playerClass,
        int group) {

    /** Raid members per subgroup in WoW: the default subgroup is {@code position / 5 + 1}. */
    static final int GROUP_SIZE = 5;
    /** Subgroups in a raid. */
    static final int GROUPS = 8;

    /**
     * The resolved roster of a scenario: listed members first, then generated ones named {@code RaiderNN} by
     * position; the first entry leads if no entry is named leader.
     */
    public static java.util.List<RosterEntry> of(Scenario s) {
        Raid raid = s.raid();
        ClientSettings builtIn = new ClientSettings(true, 60.0, ClockOffset.NONE, s.channel().throttle(),
                s.protocol().profile(), ClientSettings.Start.IN_RAID, ClientSettings.Holds.CURRENT, false, true,
                false);
        ClientSettings defaults = raid.defaults().over(builtIn);
        boolean anyLeader = raid.members().stream().anyMatch(m -> m.role() == Member.Role.LEADER);
        java.util.Set<String> taken = new java.util.HashSet<>();
        raid.members().forEach(m -> taken.add(m.name()));
        java.util.List<RosterEntry> out = new java.util.ArrayList<>();
        int size = Math.max(raid.size(), raid.members().size());
        for (int i = 0; i < size; i++) {
            Member m = i < raid.members().size() ? raid.members().get(i) : null;
            ClientSettings cs = m == null ? defaults : m.settings().over(defaults);
            String name = m != null ? m.name() : generatedName(i, taken);
            Member.Role role = m != null && m.role() != null ? m.role()
                    : (i == 0 && !anyLeader ? Member.Role.LEADER : Member.Role.MEMBER);
            PlayerClass cls = m != null && m.playerClass() != null ? m.playerClass() : PlayerClass.byPosition(i);
            int group = m != null && m.group() != null ? m.group() : Math.min(GROUPS, i / GROUP_SIZE + 1);
            out.add(new RosterEntry(i, name, role, cs.liveSync(), cs.fps(), cs.clock().micros(), cs.throttle(),
                    cs.profile(), cs.start(), cs.data(), cs.tankSync(), cs.ora2(), cs.autoNavigate(), cls, group));
        }
        return java.util.List.copyOf(out);
    }

    /** The name a member not listed gets at roster position {@code index} (from 0): Raider02, ..., Raider40. */
    static String generatedBase(int index) {
        return String.format(java.util.Locale.ROOT, "Raider%02d", index + 1);
    }

    private static String generatedName(int index, java.util.Set<String> taken) {
        String base = generatedBase(index);
        String name = base;
        for (char c = 'a'; taken.contains(name); c++) {
            name = base + c;
        }
        taken.add(name);
        return name;
    }
}
