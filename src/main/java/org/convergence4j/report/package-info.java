/** Writers of results: CSV and JSON files, written atomically. */
package org.convergence4j.report;
