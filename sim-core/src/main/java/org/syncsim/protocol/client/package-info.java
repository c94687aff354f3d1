/**
 * What every protocol profile shares: the client control API a scenario runner drives, client configuration and
 * initial saved data, the run-wide environment, the ground truth behind time-to-sync and desync metrics, and the
 * bridge to the data layer.
 */
package org.syncsim.protocol.client;
