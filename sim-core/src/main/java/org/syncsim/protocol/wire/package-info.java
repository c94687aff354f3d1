/**
 * The wire: one enum of commands of every TWRA generation, each profile's spelling table, typed messages, the
 * formatter that produces the addon's exact strings and two total parsers (strict, and the HEAD addon's own
 * permissive routing). Spec §2.4, §3, §10.2.
 */
package org.syncsim.protocol.wire;
