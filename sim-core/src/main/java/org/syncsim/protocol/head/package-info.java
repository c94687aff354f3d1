/** The {@code head} profile: the TWRA addon as of HEAD {@code b82a28a} (spec §2-§9, §12.1), flaws included. */
package org.syncsim.protocol.head;
