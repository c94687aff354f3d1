package org.syncsim.channel;

/** A client's {@code CHAT_MSG_ADDON} handler: called once per delivered message, own echoes included. */
@FunctionalInterface
public interface AddonMessageListener {
    void onAddonMessage(long now, String prefix, String text, Distribution distribution, int sender);

    /**
     * The same event as the channel delivers it: with the sent message, whose derived value the recipients of one
     * broadcast may share ({@link OutgoingMessage#derivedBy}). By default, the plain event.
     */
    default void onAddonMessage(long now, OutgoingMessage m) {
        onAddonMessage(now, m.prefix(), m.text(), m.distribution(), m.sender());
    }
}
