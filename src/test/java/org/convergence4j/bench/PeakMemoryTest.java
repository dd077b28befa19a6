package org.convergence4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakMemoryTest {

    @Test
    void parsesTheHighWaterMarkInKibibytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  819200 kB", "VmRSS:\t 700000 kB");

        assertEquals(800.0, PeakMemory.parseVmHwmMb(status));
    }

    @Test
    void withoutAHighWaterMarkItIsUnknown() {
        assertTrue(Double.isNaN(PeakMemory.parseVmHwmMb(List.of("Name:\tjava"))));
    }

    /** Live heap objects were written, so their pages are resident: the high-water mark is at least the used heap. */
    @Test
    void thisJvmHoldsAtLeastItsUsedHeap() {
        assumeTrue(Files.exists(Path.of("/proc/self/status")), "no /proc/self/status (not Linux)");
        Runtime runtime = Runtime.getRuntime();
        double usedHeapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);

        double peak = PeakMemory.residentMb();

        assertTrue(peak >= usedHeapMb, "peak " + peak + " MB, used heap " + usedHeapMb + " MB");
    }
}
