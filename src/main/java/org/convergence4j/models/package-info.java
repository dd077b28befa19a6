/**
 * Network factories: the seminar's TestNetwork trunk with the registry of variants (typed, parameterized heads and
 * their text syntax), and deep MLPs.
 */
package org.convergence4j.models;
