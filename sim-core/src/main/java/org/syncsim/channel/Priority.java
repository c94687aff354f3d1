package org.syncsim.channel;

/** ChatThrottleLib's message priorities; ignored by clients that send unthrottled. */
public enum Priority {
    ALERT,
    NORMAL,
    BULK
}
