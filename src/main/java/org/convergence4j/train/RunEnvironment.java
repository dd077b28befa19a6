package org.convergence4j.train;

import java.time.Instant;
import org.convergence4j.backend.NativeBuild;

/**
 * Where and when a run was trained. Not part of the run's identity: another CPU or native build of the same
 * convolution engine changes only the last digits of a run (docs/PERFORMANCE.md), so a stored run is reused across
 * them; this record says which one computed it, and a report dates itself by its newest run, not by its rewriting.
 *
 * @param finished ISO-8601 instant at which the run was recorded
 * @param cpu the CPU's model name, from {@code /proc/cpuinfo}
 * @param nativeBuild the classifier of the libnd4j build that computed it, e.g. {@code linux-x86_64-onednn-avx2}
 * @param java the Java version
 * @param dl4j the DL4J version
 * @param os name, version and architecture of the operating system
 * @param cores processors available to the JVM
 */
public record RunEnvironment(String finished, String cpu, String nativeBuild, String java, String dl4j, String os,
        int cores) {

    /** The DL4J release the project is built on (pom.xml). */
    public static final String DL4J = "1.0.0-M2.1";

    /** This process's environment, now. */
    public static RunEnvironment current() {
        return new RunEnvironment(Instant.now().toString(), NativeBuild.cpuModel(),
                NativeBuild.loaded().map(NativeBuild::classifier).orElse("unknown"), System.getProperty("java.version"),
                DL4J, System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    }
}
