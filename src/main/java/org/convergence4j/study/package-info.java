/**
 * Studies as values (the seminar's four parts, and any list of variants × seeds with settings), the runner that
 * trains or reuses their runs, and the outputs each study asks for.
 */
package org.convergence4j.study;
