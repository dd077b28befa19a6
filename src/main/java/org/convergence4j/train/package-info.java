/** The trainer with the seminar's {@code train_utils.train} semantics and its per-epoch history records. */
package org.convergence4j.train;
