package org.convergence4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peak resident set size of this process, Linux's {@code VmHWM} ("high water mark") in
 * {@code /proc/self/status}: heap, native ND4J buffers, code and thread stacks together, the figure the
 * operating system charges for the run.
 */
public final class PeakMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    /** Peak resident memory of this process in MiB, or NaN where {@code /proc/self/status} has no VmHWM. */
    public static double residentMb() {
        try {
            return parseVmHwmMb(Files.readAllLines(STATUS));
        } catch (IOException | SecurityException e) {
            return Double.NaN;
        }
    }

    /** The {@code VmHWM:   123456 kB} line of a status file, in MiB; NaN if absent. */
    static double parseVmHwmMb(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                String[] fields = line.trim().split("\\s+");
                return Long.parseLong(fields[1]) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
