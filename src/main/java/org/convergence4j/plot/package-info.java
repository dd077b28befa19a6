/** XChart figures rendered headless to PNG. */
package org.convergence4j.plot;
