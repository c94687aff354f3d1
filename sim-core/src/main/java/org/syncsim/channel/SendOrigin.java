package org.syncsim.channel;

/**
 * Where in the client's frame an addon's send call is made, which decides the first frame whose ChatThrottleLib
 * OnUpdate sees the message (a queued message, or the one that shows the despooler).
 *
 * <p>In a frame the game client first dispatches the events that arrived since the last frame, then runs the
 * OnUpdate scripts of the shown frames. An event handler's send ({@code CHAT_MSG_ADDON}, roster and presence events,
 * the player's clicks: sim time {@code t}) therefore precedes the library's OnUpdate of the frame at or after
 * {@code t}; an event at exactly a frame instant belongs to that frame, whose {@code GetTime()} it reads. The
 * addon's own timers run in the OnUpdate script of its timer frame (twra-sync-protocol.md §2.5), which is created
 * lazily at the first {@code ScheduleTimer}, after the library created its frame when it loaded; the model takes
 * OnUpdate scripts to run in the order their frames were created (the client's order is not documented), so a
 * timer callback's send follows the library's OnUpdate of that frame and is first seen on the next frame.
 */
public enum SendOrigin {
    /** An event handler: seen by the library's OnUpdate of the frame at or after the send. */
    EVENT_HANDLER,
    /** A callback of the addon's OnUpdate timers (always on a frame): seen from the next frame on. */
    ONUPDATE_TIMER
}
