package org.convergence4j.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.convergence4j.backend.ProcessOwner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims as processes leave them: released, renewed, or left behind by a process that ended (a crash, {@code kill
 * -9}, a machine that died), by one whose pid was reused, or emptied. A stale claim is taken over with a line naming
 * the lock, its owner and why; a live one is left to its owner. Ages are set on the lock file, never waited for.
 */
class RunClaimTest {

    /** Above Linux's largest pid_max (2²²): no process has it. */
    private static final long DEAD_PID = 99_999_999L;
    private static final String HOST = ProcessOwner.current().host();
    private static final long MY_PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Path lock(String content) throws IOException {
        return Files.writeString(dir.resolve("baseline-0123456789-seed1.lock"), content);
    }

    private static void age(Path file, Duration age) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    }

    /** Claims {@code lock}, which must be stale: returns what was taken over, after checking it names the lock. */
    private static String takenOver(Path lock) {
        RunClaim.Claimed c = assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock));
        c.claim().close();
        String line = c.tookOver().orElseThrow();
        assertTrue(line.contains(lock.toString()), line);
        return line;
    }

    @Test
    void aClaimIsExclusiveUntilReleased() {
        Path lock = dir.resolve("baseline-0123456789-seed1.lock");
        RunClaim.Claimed first = assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock));
        assertEquals(Optional.empty(), first.tookOver());
        assertTrue(Files.exists(lock));
        RunClaim.Held held = assertInstanceOf(RunClaim.Held.class, RunClaim.tryClaim(lock));
        assertTrue(held.holder().startsWith(RunClaim.OWNER + " ") && held.holder().contains("lock " + lock),
                held.holder());
        assertEquals(Optional.of(held.holder()), RunClaim.liveHolder(lock).map(h -> held.holder()));

        first.claim().close();
        assertFalse(Files.exists(lock));
        assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock)).claim().close();
    }

    @Test
    void theClaimOfAProcessOfThisHostThatEndedIsTakenOver() throws IOException {
        Path lock = lock(HOST + " " + DEAD_PID + " 2026-01-01T00:00:00Z 2026-01-01T00:00:01Z\n");
        assertEquals(Optional.empty(), RunClaim.liveHolder(lock), "a process that ended holds nothing");
        String line = takenOver(lock);
        assertTrue(line.contains(HOST + " " + DEAD_PID) && line.contains("no process " + DEAD_PID + " of this host"),
                line);
    }

    /** A live pid that started at another instant is not the owner: the pid was reused. */
    @Test
    void aReusedPidDoesNotKeepAClaim() throws IOException {
        Path lock = lock(HOST + " " + MY_PID + " 2001-01-01T00:00:00Z 2026-01-01T00:00:00Z\n");
        assertEquals(Optional.empty(), RunClaim.liveHolder(lock));
        assertTrue(takenOver(lock).contains("started at 2001-01-01T00:00:00Z"));
    }

    /** The case: {@code echo "$(hostname) 1 2025-01-01T00:00:00Z" > runs/<run>.lock}, no start instant. */
    @Test
    void aLockWithoutTheOwnersStartIsNotProofOfALiveOwner() throws IOException {
        for (long pid : new long[] {1, MY_PID}) {
            Path lock = lock(HOST + " " + pid + " 2025-01-01T00:00:00Z\n");
            assertTrue(takenOver(lock).contains("started at an unknown time"), "pid " + pid);
        }
    }

    @Test
    void anEmptyOrGarbledLockIsStale() throws IOException {
        assertTrue(takenOver(lock("")).contains("of no one (the lock is empty or unreadable)"));
        assertTrue(takenOver(lock("\n\n")).contains("the lock is empty"));
        assertTrue(takenOver(lock("garbage")).contains("of garbage (the lock names no owner)"));
    }

    @Test
    void anotherHostsClaimIsRespectedWhileRenewedAndTakenOverWhenNot() throws IOException {
        Path lock = lock("another-host 1 2026-01-01T00:00:00Z 2026-01-01T00:00:00Z\n");
        age(lock, RunClaim.EXPIRY.minusMinutes(1));
        RunClaim.Held held = assertInstanceOf(RunClaim.Held.class, RunClaim.tryClaim(lock));
        assertTrue(held.holder().startsWith("another-host 1 ") && held.holder().contains("lock " + lock)
                && held.holder().contains("renewed 9 min ago"), held.holder());
        assertTrue(Files.exists(lock));

        age(lock, RunClaim.EXPIRY.plusMinutes(2));
        assertEquals(Optional.empty(), RunClaim.liveHolder(lock));
        String line = takenOver(lock);
        assertTrue(line.contains("of another-host 1 ") && line.contains("not renewed for 12 min, more than 10 min"),
                line);
    }

    @Test
    void aLiveOwnerRenewsItsClaim() throws IOException {
        Path lock = dir.resolve("x.lock");
        RunClaim.Claimed c = assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock));
        age(lock, RunClaim.EXPIRY.multipliedBy(2));
        c.claim().renew();
        assertTrue(ProcessOwner.age(lock).orElseThrow().compareTo(RunClaim.EXPIRY) < 0, "renewed");
        assertInstanceOf(RunClaim.Held.class, RunClaim.tryClaim(lock));
        c.claim().close();
    }

    @Test
    void neitherRenewingNorReleasingTouchesAnotherProcesssClaim() throws IOException {
        Path lock = dir.resolve("x.lock");
        RunClaim.Claimed c = assertInstanceOf(RunClaim.Claimed.class, RunClaim.tryClaim(lock));
        Files.writeString(lock, "another-host 1 2026-01-01T00:00:00Z 2026-01-01T00:00:00Z\n");
        age(lock, Duration.ofMinutes(3));
        c.claim().renew();
        assertTrue(ProcessOwner.age(lock).orElseThrow().compareTo(Duration.ofMinutes(2)) > 0, "not renewed");
        c.claim().close();
        assertTrue(Files.exists(lock), "the lock is no longer ours: it stays");
    }
}
