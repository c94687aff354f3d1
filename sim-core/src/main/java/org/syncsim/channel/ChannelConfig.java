package org.syncsim.channel;

import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.link.LossConfig;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.channel.throttle.ThrottleConfig;

/**
 * Every parameter of the channel model; {@link #defaults()} gives the documented defaults (docs/channel-model.md).
 *
 * @param realm message limits of the realm (default Turtle WoW)
 * @param throttle client-side pacing every client uses unless set per client (default {@code direct}, as TWRA)
 * @param server the server's per-client limiter and what happens past it
 * @param latency per-delivery relay latency
 * @param loss link loss and outages
 * @param presence frame rate and loading-screen length
 */
public record ChannelConfig(RealmLimits realm, ThrottleConfig throttle, ServerConfig server, LatencyConfig latency,
        LossConfig loss, PresenceConfig presence) {

    public static ChannelConfig defaults() {
        return new ChannelConfig(RealmLimits.turtle(), ThrottleConfig.direct(), ServerConfig.defaults(),
                LatencyConfig.defaults(), LossConfig.none(), PresenceConfig.defaults());
    }

    public ChannelConfig withRealm(RealmLimits r) {
        return new ChannelConfig(r, throttle, server, latency, loss, presence);
    }

    public ChannelConfig withThrottle(ThrottleConfig t) {
        return new ChannelConfig(realm, t, server, latency, loss, presence);
    }

    public ChannelConfig withServer(ServerConfig s) {
        return new ChannelConfig(realm, throttle, s, latency, loss, presence);
    }

    public ChannelConfig withLatency(LatencyConfig l) {
        return new ChannelConfig(realm, throttle, server, l, loss, presence);
    }

    public ChannelConfig withLoss(LossConfig l) {
        return new ChannelConfig(realm, throttle, server, latency, l, presence);
    }

    public ChannelConfig withPresence(PresenceConfig p) {
        return new ChannelConfig(realm, throttle, server, latency, loss, p);
    }
}
