package org.convergence4j.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Chooses which of libnd4j's native builds ND4J loads. The project ships two (pom.xml): the plain
 * {@code linux-x86_64} build and {@code linux-x86_64-onednn-avx2}, which adds Intel's oneDNN kernels (used for the
 * convolutions, see {@link ConvolutionEngine}) and needs a CPU with AVX2. JavaCPP picks the build from the system
 * property {@value #EXTENSION_PROPERTY} when the native library is first loaded, so {@link #select()} must run before
 * anything touches ND4J.
 */
public final class NativeBuild {

    /** JavaCPP's system property naming the build's classifier suffix. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** The suffix of the oneDNN + AVX2 build. */
    public static final String ONEDNN_AVX2 = "-onednn-avx2";

    private NativeBuild() {
    }

    /**
     * Selects the oneDNN build when the CPU reports AVX2 (in {@code /proc/cpuinfo}) and the user has not chosen a
     * build with {@code -D}{@value #EXTENSION_PROPERTY}{@code =…} ({@code =""} keeps the plain build).
     */
    public static void select() {
        if (System.getProperty(EXTENSION_PROPERTY) == null && cpuHasAvx2()) {
            System.setProperty(EXTENSION_PROPERTY, ONEDNN_AVX2);
        }
    }

    /** Whether the CPU flags in {@code /proc/cpuinfo} include {@code avx2} (false where the file is absent). */
    static boolean cpuHasAvx2() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")).contains("avx2"))
                    .orElse(false);
        } catch (IOException e) {
            return false;
        }
    }
}
