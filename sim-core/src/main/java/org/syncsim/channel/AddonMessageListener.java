package org.syncsim.channel;

/** A client's {@code CHAT_MSG_ADDON} handler: called once per delivered message, own echoes included. */
@FunctionalInterface
public interface AddonMessageListener {
    void onAddonMessage(long now, String prefix, String text, Distribution distribution, int sender);
}
