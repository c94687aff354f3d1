package org.syncsim.protocol.wire;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A profile's table of wire spellings: which commands it speaks and the token each has on the wire. Looking a
 * token up gives back the command (exact match).
 */
public final class WireSpelling {
    private final String name;
    private final Map<Command, String> tokens;
    private final Map<String, Command> byToken;

    private WireSpelling(String name, Map<Command, String> tokens) {
        this.name = name;
        this.tokens = Collections.unmodifiableMap(new EnumMap<>(tokens));
        Map<String, Command> reverse = new TreeMap<>();
        tokens.forEach((c, t) -> {
            if (reverse.put(t, c) != null) {
                throw new IllegalArgumentException("token " + t + " spelled twice in " + name);
            }
        });
        this.byToken = Collections.unmodifiableMap(reverse);
    }

    /** A spelling table with the addon's own tokens for {@code commands}. */
    public static WireSpelling of(String name, Set<Command> commands) {
        Map<Command, String> m = new EnumMap<>(Command.class);
        for (Command c : commands) {
            m.put(c, c.token());
        }
        return new WireSpelling(name, m);
    }

    /** A spelling table with explicit tokens (for profiles that rename commands). */
    public static WireSpelling of(String name, Map<Command, String> tokens) {
        return new WireSpelling(name, tokens);
    }

    /** HEAD's live set (§0, §3): the declared MS* commands included, so a receiver can route them. */
    public static WireSpelling head() {
        return of("head", EnumSet.of(Command.SECTION, Command.BSREQ, Command.BSACK, Command.BSEC, Command.BSTR,
                Command.CHUNKED, Command.CHUNK, Command.VER, Command.MSREQ, Command.MSACK, Command.MSRES,
                Command.TANK_CLEAR, Command.TANK_SET));
    }

    /**
     * Head's set plus the plan's repair request {@link Command#BSMISS} and differential push {@link Command#BSSAME},
     * for {@code plan} clients with recovery.
     */
    public static WireSpelling plan() {
        return of("plan", EnumSet.of(Command.SECTION, Command.BSREQ, Command.BSACK, Command.BSEC, Command.BSTR,
                Command.CHUNKED, Command.CHUNK, Command.VER, Command.MSREQ, Command.MSACK, Command.MSRES,
                Command.TANK_CLEAR, Command.TANK_SET, Command.BSMISS, Command.BSSAME));
    }

    /** The G1 generation's set (§10.2), for the {@code seed} profile; its old chunk format is not in this codec. */
    public static WireSpelling seed() {
        return of("seed", EnumSet.of(Command.SECTION, Command.VER, Command.DREQ, Command.DRES, Command.ANC,
                Command.SREQ, Command.SRES, Command.SECREQ, Command.SECRES, Command.TANK_CLEAR, Command.TANK_SET));
    }

    public String name() {
        return name;
    }

    /** True if this profile speaks {@code command}. */
    public boolean speaks(Command command) {
        return tokens.containsKey(command);
    }

    /** The wire token of {@code command}; throws if this profile does not speak it. */
    public String token(Command command) {
        String t = tokens.get(command);
        if (t == null) {
            throw new IllegalArgumentException("profile " + name + " does not speak " + command);
        }
        return t;
    }

    /** The command spelled exactly {@code token}. */
    public Optional<Command> command(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    public Set<Command> commands() {
        return tokens.keySet();
    }
}
