package org.syncsim.channel;

/** The chat types an addon message can be sent on ({@code SendAddonMessage}'s third argument). */
public enum Distribution {
    PARTY,
    RAID,
    GUILD,
    BATTLEGROUND,
    /** Not in stock 1.12; whether a realm supports it is a channel parameter. */
    WHISPER
}
