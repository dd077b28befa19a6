package org.convergence4j.backend;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Selects the native build ({@link NativeBuild#select()}) when the test run starts, before any test class touches
 * ND4J, so the tests run on the build the sections use. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class SelectNativeBuild implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeBuild.select();
    }
}
