/**
 * Statistics over seeds, computed from run records: mean and spread, per-variant statistics, Welch intervals and
 * the comparison of a study's variants.
 */
package org.convergence4j.statistics;
