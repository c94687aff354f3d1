package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.syncsim.channel.PresenceConfig;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.channel.throttle.ThrottleConfig;

/**
 * The addon-message channel: realm limits, the client throttle, the server's limiter, links and presence.
 * Defaults are those of the channel spec ({@code addon-channel.md}), read from sim-core's channel configuration
 * ({@link ThrottleConfig}, {@link ServerConfig}, {@link PresenceConfig}), their one home.
 *
 * @param realm {@code turtle} (2042-character messages, the default) or {@code vanilla} (255 bytes)
 * @param messageLimit overrides the realm's maximum message length in bytes; optional
 * @param tooLong what happens to a longer message: {@code reject} (default) or {@code truncate}
 * @param whisper whether WHISPER addon messages exist on this realm (default false)
 * @param throttle the default send path of clients: {@code direct} (TWRA, the default) or {@code ctl}
 * @param ctl ChatThrottleLib's parameters, used by {@code ctl} clients
 * @param server the server's per-client rate limiter
 * @param latency delivery delay (default {@code correlated}, median 80ms, p95 250ms)
 * @param loss delivery loss (default none)
 * @param loadingScreen how long a {@code reload} or {@code loading-screen} lasts when the action gives no
 *     {@code for:} (default 10s)
 */
public record ChannelSpec(
        Realm realm,
        Integer messageLimit,
        TooLong tooLong,
        Boolean whisper,
        ThrottleMode throttle,
        Ctl ctl,
        Server server,
        Latency latency,
        Loss loss,
        Span loadingScreen) {

    public enum Realm {
        @JsonProperty("turtle") TURTLE,
        @JsonProperty("vanilla") VANILLA
    }

    public enum TooLong {
        @JsonProperty("reject") REJECT,
        @JsonProperty("truncate") TRUNCATE
    }

    public ChannelSpec {
        realm = realm == null ? Realm.TURTLE : realm;
        tooLong = tooLong == null ? TooLong.REJECT : tooLong;
        whisper = whisper == null ? Boolean.FALSE : whisper;
        throttle = throttle == null ? ThrottleMode.DIRECT : throttle;
        ctl = ctl == null ? Ctl.defaults() : ctl;
        server = server == null ? Server.defaults() : server;
        latency = latency == null ? Latency.DEFAULT : latency;
        loss = loss == null ? Loss.NONE : loss;
        loadingScreen = loadingScreen == null ? new Span(PresenceConfig.DEFAULT_LOADING_SCREEN_MICROS) : loadingScreen;
    }

    public static ChannelSpec defaults() {
        return new ChannelSpec(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * ChatThrottleLib's constants (vanilla-era v24 defaults).
     *
     * @param maxCps bytes per second (default {@value ThrottleConfig#CTL_MAX_CPS})
     * @param burst the budget's cap in bytes (default {@value ThrottleConfig#CTL_BURST})
     * @param overhead bytes charged per message on top of its text (default {@value ThrottleConfig#CTL_MSG_OVERHEAD})
     * @param minFps below this frame rate the refill halves (default {@value ThrottleConfig#CTL_MIN_FPS})
     * @param maxMessage the library's own check on prefix + 1 + text in bytes, {@code 0} for none; default
     *     (null) follows the realm, see {@link #maxMessageOn(Realm)}
     */
    public record Ctl(Integer maxCps, Integer burst, Integer overhead, Integer minFps, Integer maxMessage) {
        /** ChatThrottleLib's vanilla code path refuses a message whose prefix + 1 + text exceeds 255 bytes. */
        public static final int VANILLA_MAX_MESSAGE = ThrottleConfig.CTL_MAX_MESSAGE_BYTES;

        public Ctl {
            maxCps = maxCps == null ? ThrottleConfig.CTL_MAX_CPS : maxCps;
            burst = burst == null ? ThrottleConfig.CTL_BURST : burst;
            overhead = overhead == null ? ThrottleConfig.CTL_MSG_OVERHEAD : overhead;
            minFps = minFps == null ? ThrottleConfig.CTL_MIN_FPS : minFps;
        }

        public static Ctl defaults() {
            return new Ctl(null, null, null, null, null);
        }

        /**
         * The length check in force on {@code realm}: {@code max-message} if given, else 255 on {@code vanilla}
         * (the library's vanilla path) and none (0) on {@code turtle}, where an addon using the library must run
         * a fork that lets Turtle WoW's longer messages through (the realm's own limit still applies).
         */
        public int maxMessageOn(Realm realm) {
            if (maxMessage != null) {
                return maxMessage;
            }
            return realm == Realm.VANILLA ? VANILLA_MAX_MESSAGE : 0;
        }
    }

    /**
     * The server's per-client token bucket on bytes.
     *
     * @param rate sustained bytes per second (default {@value ServerConfig#DEFAULT_RATE})
     * @param burst bucket size in bytes (default {@value ServerConfig#DEFAULT_BURST})
     * @param onExceed {@code disconnect} (default), {@code drop} the excess, or {@code none} (no limiter)
     * @param offlineFor how long a disconnected client stays away, reload included (default 30s)
     */
    public record Server(Integer rate, Integer burst, OnExceed onExceed, Span offlineFor) {
        public enum OnExceed {
            @JsonProperty("disconnect") DISCONNECT,
            @JsonProperty("drop") DROP,
            @JsonProperty("none") NONE
        }

        public Server {
            rate = rate == null ? ServerConfig.DEFAULT_RATE : rate;
            burst = burst == null ? ServerConfig.DEFAULT_BURST : burst;
            onExceed = onExceed == null ? OnExceed.DISCONNECT : onExceed;
            offlineFor = offlineFor == null ? new Span(ServerConfig.DEFAULT_DISCONNECT_MICROS) : offlineFor;
        }

        public static Server defaults() {
            return new Server(null, null, null, null);
        }
    }
}
