package org.syncsim.scenario;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Client features that only some protocol profiles model, with the profiles that have each. The loader refuses
 * a scenario that uses one on a member whose profile lacks it. {@code plan} has none yet: it is not implemented.
 */
public enum ProfileFeature {
    /** The saved "Tank Sync" option (spec §3.9), read from the client configuration by head and seed. */
    TANK_SYNC("tank-sync (the Tank Sync option)", EnumSet.of(ProfileName.HEAD, ProfileName.SEED)),
    /** Whether oRA2 is loaded, which Tank Sync needs (spec §3.9). */
    ORA2("ora2 (whether oRA2 is loaded, for Tank Sync)", EnumSet.of(ProfileName.HEAD, ProfileName.SEED)),
    /** Ticking the Tank Sync checkbox mid-run ({@code setTankSync} of head and seed clients, B32). */
    TANK_SYNC_CHECKBOX("options with tank-sync (the Tank Sync checkbox)",
            EnumSet.of(ProfileName.HEAD, ProfileName.SEED)),
    /** The plain-Lua-text import path (B38, {@code HeadClient.importPlainText}). */
    PLAIN_TEXT_IMPORT("import with path: plain-text (B38)", EnumSet.of(ProfileName.HEAD)),
    /** The options' "Example" button (spec §3.1, {@code HeadClient.exampleButton}). */
    EXAMPLE_BUTTON("example-button (the Example button)", EnumSet.of(ProfileName.HEAD));

    private final String what;
    private final Set<ProfileName> profiles;

    ProfileFeature(String what, Set<ProfileName> profiles) {
        this.what = what;
        this.profiles = profiles;
    }

    /** Whether members running {@code profile} have this feature. */
    public boolean in(ProfileName profile) {
        return profiles.contains(profile);
    }

    /** Why {@code member} (running {@code profile}) cannot use this feature, for a load error. */
    String refusal(String member, ProfileName profile) {
        String has = profiles.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(", "));
        return what + " is modelled only in profile " + has + "; " + member + " runs profile "
                + profile.name().toLowerCase(Locale.ROOT)
                + (profile == ProfileName.PLAN ? " (not implemented yet)" : "")
                + ": drop the setting or give " + member + " one of those profiles";
    }
}
