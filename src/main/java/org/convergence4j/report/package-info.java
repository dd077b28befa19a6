/**
 * Results in and out: the CSV and JSON result files (every write atomic), the statistics over
 * seeds that compare the variants, and the generator of the notebooks-equivalent.
 */
package org.convergence4j.report;
