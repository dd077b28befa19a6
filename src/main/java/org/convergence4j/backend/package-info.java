/**
 * The machine side: which ND4J native build is loaded, how many threads it uses, the helpers that put the
 * TestNetwork's convolutions on oneDNN and its pooling on libnd4j's generic kernels, and the processes that own files
 * (host, pid and start), so that a file of a process that ended can be told from one in use.
 */
package org.convergence4j.backend;
