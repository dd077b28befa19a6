/**
 * Statistics over seeds, computed from run records: mean and spread, per-variant statistics, Welch and paired t
 * intervals, the comparison of a study's variants, Part 1's trained nets, and claims judged by their intervals.
 */
package org.convergence4j.statistics;
