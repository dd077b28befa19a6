/** Network factories: the seminar's TestNetwork trunk with a registry of heads, and deep MLPs. */
package org.convergence4j.models;
