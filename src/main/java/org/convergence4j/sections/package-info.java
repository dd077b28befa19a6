/** One command-line Main per seminar part; sections orchestrate and do not compute. */
package org.convergence4j.sections;
