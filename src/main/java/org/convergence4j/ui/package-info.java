/**
 * DL4J's own training UI for this project's runs: a {@code StatsListener} on every trained run, the
 * {@code UIServer} that shows them, and statistics files that can be served again later.
 */
package org.convergence4j.ui;
