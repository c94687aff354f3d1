/**
 * Regression baselines ({@code syncsim baseline write|check}): what a set of scenarios measured once (each metric's
 * mean and interval, and a fingerprint of one replication's event trace), so that a later build can tell whether
 * it still behaves the same, and if not, which metric moved and where in the trace behaviour first changed.
 */
package org.syncsim.baseline;
