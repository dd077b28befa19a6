/**
 * The notebooks-equivalent: Markdown write-ups of each study from templates of fixed prose and values computed
 * from the results, every number formatted by one class.
 */
package org.convergence4j.writeups;
