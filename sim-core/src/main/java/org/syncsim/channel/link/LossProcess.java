package org.syncsim.channel.link;

/** One link's loss process: called once per message that would otherwise reach the recipient, in arrival order. */
@FunctionalInterface
public interface LossProcess {
    /** True when this message is lost. */
    boolean lose();
}
