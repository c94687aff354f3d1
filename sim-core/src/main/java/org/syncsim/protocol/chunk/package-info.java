/** The addon's chunk manager: sending large payloads as header + 1800-byte chunks, and flawed reassembly (§3.6-3.7, §4.3, §6(e)). */
package org.syncsim.protocol.chunk;
