/**
 * The seminar's conclusions as claims that the runs test: each claim names a statistic, computes it per seed from
 * the run records, and is judged by its 95% interval (supported, contradicted or not resolved).
 */
package org.convergence4j.claims;
