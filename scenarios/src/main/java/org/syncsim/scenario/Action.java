package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One timeline entry: what happens ({@code do:}) and when: {@code t:} (absolute virtual time) or
 * {@code after:} (relative to the previous entry in the file; the first is relative to 0).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "do")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Action.Join.class, name = "join"),
    @JsonSubTypes.Type(value = Action.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = Action.Disconnect.class, name = "disconnect"),
    @JsonSubTypes.Type(value = Action.Reconnect.class, name = "reconnect"),
    @JsonSubTypes.Type(value = Action.Reload.class, name = "reload"),
    @JsonSubTypes.Type(value = Action.LoadingScreen.class, name = "loading-screen"),
    @JsonSubTypes.Type(value = Action.Import.class, name = "import"),
    @JsonSubTypes.Type(value = Action.Navigate.class, name = "navigate"),
    @JsonSubTypes.Type(value = Action.SkullMark.class, name = "skull-mark"),
    @JsonSubTypes.Type(value = Action.Storm.class, name = "storm"),
    @JsonSubTypes.Type(value = Action.Network.class, name = "network"),
    @JsonSubTypes.Type(value = Action.Rogue.class, name = "rogue"),
    @JsonSubTypes.Type(value = Action.SyncAll.class, name = "sync-all"),
    @JsonSubTypes.Type(value = Action.FullSync.class, name = "full-sync"),
    @JsonSubTypes.Type(value = Action.ExampleButton.class, name = "example-button"),
    @JsonSubTypes.Type(value = Action.Options.class, name = "options")
})
public sealed interface Action {
    /** Absolute time; give this or {@code after}. */
    Span t();

    /** Time after the previous entry; give this or {@code t}. */
    Span after();

    /** The member the action concerns, or null if it has none. */
    String who();

    /** The member joins the raid (logging in first if offline); they request data 2 s later (live sync). */
    record Join(Span t, Span after, String who) implements Action {
    }

    /** The member leaves the raid (stays online). */
    record Leave(Span t, Span after, String who) implements Action {
    }

    /** The member loses the connection; back after {@code for} (logging in, in the raid), or at a {@code reconnect}. */
    record Disconnect(Span t, Span after, String who, @JsonProperty("for") Span duration) implements Action {
    }

    /** A disconnected member logs back in (into the raid). */
    record Reconnect(Span t, Span after, String who) implements Action {
    }

    /** The member types {@code /reload}: runtime state lost, a loading screen of {@code for} (default {@code channel.loading-screen}). */
    record Reload(Span t, Span after, String who, @JsonProperty("for") Span duration) implements Action {
    }

    /** The member zones: deaf for {@code for} (default {@code channel.loading-screen}), state kept. */
    record LoadingScreen(Span t, Span after, String who, @JsonProperty("for") Span duration) implements Action {
    }

    /**
     * The member imports a new version of the sheet in which {@code sections} changed (default: all).
     *
     * @param path the import path: {@code base64} (the normal one, the default) or {@code plain-text} (the
     *     plain-Lua-text path, B38: new timestamp, previous compressed sheet, nothing sent; {@code head} only)
     */
    record Import(Span t, Span after, String who, List<Integer> sections, ImportPath path) implements Action {
        public Import {
            sections = sections == null ? null : List.copyOf(sections);
            path = path == null ? ImportPath.BASE64 : path;
        }

        /** How the sheet is pasted into the addon's import box. */
        public enum ImportPath {
            /** The exported Base64 string (spec §6(b)). */
            @JsonProperty("base64") BASE64,
            /** Plain Lua text, {@code TWRA_ImportString=...} (B38). */
            @JsonProperty("plain-text") PLAIN_TEXT
        }
    }

    /** The member opens section {@code section} (1-based), which live sync broadcasts. */
    record Navigate(Span t, Span after, String who, Integer section) implements Action {
    }

    /**
     * A raid target is skull-marked: every online member with {@code auto-navigate} opens the marked mob's section
     * {@code section} at that instant, and each Live Sync one broadcasts it (spec §6(a) step 3, B21).
     */
    record SkullMark(Span t, Span after, Integer section) implements Action {
        @Override
        public String who() {
            return null;
        }
    }

    /** Sync All button: the member pushes everything it holds. */
    record SyncAll(Span t, Span after, String who) implements Action {
    }

    /** The manual full sync of the {@code seed} profile: the member asks for the whole dataset ({@code DREQ}). */
    record FullSync(Span t, Span after, String who) implements Action {
    }

    /**
     * The options' "Example" button (spec §3.1): for 300 s the member's navigations fire no
     * {@code SECTION_CHANGED}, so it neither broadcasts SECTION nor sends Tank Sync ({@code head} only).
     */
    record ExampleButton(Span t, Span after, String who) implements Action {
    }

    /**
     * The member ticks or unticks option checkboxes: {@code live-sync} and/or {@code tank-sync} (spec §2.7, §3.9;
     * ticking Tank Sync registers one more listener each time, B32).
     */
    record Options(Span t, Span after, String who, Boolean liveSync, Boolean tankSync) implements Action {
    }

    /**
     * Many members do the same thing within {@code window}: {@code what: join} (members not yet in the raid)
     * or {@code what: reload} (members in the raid).
     *
     * @param members how many take part (default: all who can), chosen in roster order; or name them in {@code names}
     * @param names the members who take part; optional
     * @param window the span over which they act (default 0s)
     * @param spread {@code uniform} (each at a random instant in the window) or {@code at-once} (default uniform)
     */
    record Storm(Span t, Span after, StormKind what, Integer members, List<String> names, Span window,
            Spread spread) implements Action {
        public Storm {
            what = what == null ? StormKind.RELOAD : what;
            names = names == null ? null : List.copyOf(names);
            window = window == null ? Span.ZERO : window;
            spread = spread == null ? Spread.UNIFORM : spread;
        }

        @Override
        public String who() {
            return null;
        }

        public enum StormKind {
            @JsonProperty("join") JOIN,
            @JsonProperty("reload") RELOAD
        }

        public enum Spread {
            @JsonProperty("uniform") UNIFORM,
            @JsonProperty("at-once") AT_ONCE
        }
    }

    /** From now on, deliveries to {@code who} (to everyone if absent) use this latency and/or loss. */
    record Network(Span t, Span after, String who, Latency latency, Loss loss) implements Action {
    }

    /**
     * The member runs a modified client that sends {@code count} crafted messages, {@code rate} per second.
     *
     * @param send {@code garbage} (random bytes), {@code future-section} (SECTION stamped {@code ahead} in the
     *     future), {@code future-push} (a full push stamped {@code ahead} in the future), {@code request-zero}
     *     (BSREQ:0, which every complete member answers) or {@code text} (the literal {@code text})
     * @param ahead how far in the future the forged timestamp lies (default 24h)
     */
    record Rogue(Span t, Span after, String who, RogueMessage send, String text, Double rate, Integer count,
            Span ahead) implements Action {
        public Rogue {
            send = send == null ? RogueMessage.GARBAGE : send;
            rate = rate == null ? 1.0 : rate;
            count = count == null ? 1 : count;
            ahead = ahead == null ? Span.parse("24h") : ahead;
        }

        public enum RogueMessage {
            @JsonProperty("garbage") GARBAGE,
            @JsonProperty("future-section") FUTURE_SECTION,
            @JsonProperty("future-push") FUTURE_PUSH,
            @JsonProperty("request-zero") REQUEST_ZERO,
            @JsonProperty("text") TEXT
        }
    }
}
