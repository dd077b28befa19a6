/**
 * Network factories: the seminar's TestNetwork trunk with the registry of variants (typed, parameterized networks
 * and their text syntax: TestNetwork heads, and Part 1's deep MLPs with their optimizer), and deep MLPs.
 */
package org.convergence4j.models;
