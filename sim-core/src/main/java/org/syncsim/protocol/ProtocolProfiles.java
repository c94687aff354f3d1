package org.syncsim.protocol;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.syncsim.protocol.head.HeadProfile;
import org.syncsim.protocol.plan.PlanProfile;
import org.syncsim.protocol.seed.SeedProfile;

/** The registry of protocol profiles by name. */
public final class ProtocolProfiles {
    private static final Map<String, ProtocolProfile> PROFILES = new TreeMap<>();

    static {
        register(new HeadProfile());
        register(new SeedProfile());
        register(new PlanProfile());
    }

    private ProtocolProfiles() {
    }

    /** Adds (or replaces) a profile under its name. */
    public static synchronized void register(ProtocolProfile profile) {
        PROFILES.put(profile.name(), profile);
    }

    /** The profile called {@code name}; throws IllegalArgumentException listing the known names otherwise. */
    public static synchronized ProtocolProfile byName(String name) {
        ProtocolProfile p = PROFILES.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown protocol profile '" + name + "'; known: " + PROFILES.keySet());
        }
        return p;
    }

    /** The registered names, sorted. */
    public static synchronized SortedSet<String> names() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(PROFILES.keySet()));
    }
}
