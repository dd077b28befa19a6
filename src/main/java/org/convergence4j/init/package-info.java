/** Weight initializers ({@code IWeightInit}) for the seminar's initialization study. */
package org.convergence4j.init;
