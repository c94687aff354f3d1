package org.syncsim.protocol;

import java.util.Objects;
import org.syncsim.protocol.wire.WireSpelling;

/**
 * The part every profile has alike: its registry name and its command → wire token table. A profile extends this
 * and supplies only its client factory (and whatever parameters it has).
 */
public abstract class NamedProfile implements ProtocolProfile {
    private final String name;
    private final WireSpelling spelling;

    protected NamedProfile(String name, WireSpelling spelling) {
        this.name = Objects.requireNonNull(name);
        this.spelling = Objects.requireNonNull(spelling);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final WireSpelling spelling() {
        return spelling;
    }
}
