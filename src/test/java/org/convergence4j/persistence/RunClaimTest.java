package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunClaimTest {

    /** Above Linux's largest pid_max (2²²): no process has it. */
    private static final long DEAD_PID = 99_999_999L;

    @TempDir
    Path dir;

    @Test
    void aClaimIsExclusiveUntilReleased() {
        Path lock = dir.resolve("baseline-0123456789-seed1.lock");
        RunClaim.Claimed first = assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock));
        assertTrue(Files.exists(lock));
        RunClaim.Held held = assertInstanceOf(RunClaim.Held.class, RunClaim.tryClaim(lock));
        assertTrue(held.holder().startsWith(RunClaim.OWNER + " "), held.holder());
        assertEquals(Optional.of(held.holder()), RunClaim.liveHolder(lock));

        first.claim().close();
        assertFalse(Files.exists(lock));
        assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock)).claim().close();
    }

    @Test
    void theClaimOfADeadProcessOnThisHostIsTakenOver() throws IOException {
        Path lock = dir.resolve("x.lock");
        String host = RunClaim.OWNER.split(" ")[0];
        Files.writeString(lock, host + " " + DEAD_PID + " 2026-01-01T00:00:00Z\n");
        assertEquals(Optional.empty(), RunClaim.liveHolder(lock), "a dead process holds nothing");
        RunClaim.Claimed c = assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock));
        assertEquals(Optional.of(host + " " + DEAD_PID + " 2026-01-01T00:00:00Z"), c.tookOverFrom());
        c.claim().close();
    }

    @Test
    void theClaimOfAnotherHostIsRespected() throws IOException {
        Path lock = dir.resolve("x.lock");
        Files.writeString(lock, "another-host 1 2026-01-01T00:00:00Z\n");
        assertInstanceOf(RunClaim.Held.class, RunClaim.tryClaim(lock));
        assertTrue(Files.exists(lock));
    }

    @Test
    void releasingLeavesAnotherProcesssClaimAlone() throws IOException {
        Path lock = dir.resolve("x.lock");
        RunClaim.Claimed c = assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock));
        Files.writeString(lock, "another-host 1 2026-01-01T00:00:00Z\n");
        c.claim().close();
        assertTrue(Files.exists(lock), "the lock is no longer ours: it stays");
    }
}
