/**
 * Results on disk: the layout of a results folder (every file and folder name), the atomic writes, the one JSON
 * mapper, the run store, and the summary and table files computed from run records.
 */
package org.convergence4j.persistence;
