package org.syncsim.protocol.plan;

/** Policy 8, {@code version-check}: a real VER exchange that gates the plan's own messages (§3.8, B23). */
public sealed interface VersionCheck {
    /** The protocol version a plan member with the gate announces: head's 0.1.0 with the minor raised. */
    String PLAN_VERSION = "0.2.0";

    /** Head: VER is announced on joining and only logged (an older incompatible peer's reply is lost, B23). */
    record Off() implements VersionCheck {
    }

    /**
     * The member announces {@value #PLAN_VERSION}, answers the first VER of each member it has not heard from (once,
     * after a short jitter, unless it announced within the last 10 s), remembers every member's version, and sends
     * the plan's messages ({@code BSMISS}) only to members that announced at least {@value #PLAN_VERSION}. Head
     * members read the raised minor as a newer compatible version (§3.8: a notice, nothing else).
     */
    record Gate() implements VersionCheck {
    }
}
