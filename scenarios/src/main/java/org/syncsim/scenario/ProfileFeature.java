package org.syncsim.scenario;

import java.util.Locale;
import java.util.stream.Collectors;
import org.syncsim.protocol.Capability;
import org.syncsim.protocol.ProtocolProfiles;

/**
 * Scenario settings and actions that need a {@link Capability} only some protocol profiles have; the loader
 * refuses a scenario that uses one on a member whose profile lacks it. Which profiles have it is the profiles' own
 * answer ({@link org.syncsim.protocol.ProtocolProfile#capabilities()}).
 */
public enum ProfileFeature {
    /** The saved "Tank Sync" option (spec §3.9). */
    TANK_SYNC("tank-sync (the Tank Sync option)", Capability.TANK_SYNC),
    /** Whether oRA2 is loaded, which Tank Sync needs (spec §3.9). */
    ORA2("ora2 (whether oRA2 is loaded, for Tank Sync)", Capability.TANK_SYNC),
    /** Ticking the Tank Sync checkbox mid-run (B32). */
    TANK_SYNC_CHECKBOX("options with tank-sync (the Tank Sync checkbox)", Capability.TANK_SYNC),
    /** The plain-Lua-text import path (B38). */
    PLAIN_TEXT_IMPORT("import with path: plain-text (B38)", Capability.PLAIN_TEXT_IMPORT),
    /** The options' "Example" button (spec §3.1). */
    EXAMPLE_BUTTON("example-button (the Example button)", Capability.EXAMPLE_BUTTON),
    /** The seed generation's full-data pull. */
    FULL_SYNC("full-sync (the full-data pull)", Capability.FULL_DATA_PULL);

    private final String what;
    private final Capability needs;

    ProfileFeature(String what, Capability needs) {
        this.what = what;
        this.needs = needs;
    }

    /** Whether members running {@code profile} have this feature. */
    public boolean in(ProfileName profile) {
        return ProtocolProfiles.byName(spelling(profile)).capabilities().contains(needs);
    }

    /** Why {@code member} (running {@code profile}) cannot use this feature, for a load error. */
    String refusal(String member, ProfileName profile) {
        String has = ProtocolProfiles.names().stream()
                .filter(p -> ProtocolProfiles.byName(p).capabilities().contains(needs))
                .collect(Collectors.joining(", "));
        return what + " is modelled only in profile " + has + "; " + member + " runs profile " + spelling(profile)
                + ": drop the setting or give " + member + " one of those profiles";
    }

    private static String spelling(ProfileName p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
