package org.convergence4j.backend;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Makes ND4J's native code single-threaded (OpenMP and BLAS), as {@code OMP_NUM_THREADS=1}
 * would. The TestNetwork's operations are too small to gain from a second thread (one thread
 * trained it faster than two on a 2-core machine); the sections use the cores by training
 * independent runs concurrently ({@code --jobs}) instead.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Limits ND4J's OpenMP and BLAS thread pools to one thread each. */
    public static void useOne() {
        // Nd4j first: NativeOpsHolder reads properties that loading the backend sets.
        Nd4j.factory().blas().setMaxThreads(1);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    }
}
