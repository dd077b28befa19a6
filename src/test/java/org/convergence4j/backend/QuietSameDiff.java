package org.convergence4j.backend;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Keeps SameDiff's {@code Added differentiated op …} lines out of the test output, as the sections keep them off
 * their console ({@link SameDiffChatter}): every test that builds a custom layer's gradient would print dozens.
 * Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class QuietSameDiff implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        SameDiffChatter.silence();
    }
}
