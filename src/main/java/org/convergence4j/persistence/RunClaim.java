package org.convergence4j.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A process's claim on one run, so that processes sharing a results folder (on one machine or several) never
 * train the same run twice: a lock file {@code <record name>.lock} holding {@code host pid time}, created
 * atomically (a hard link from a finished temporary file, which fails if the lock exists, also over NFS). A claim
 * whose process is gone on this host is taken over; one held on another host is respected until its file is
 * deleted. Closing the claim deletes the lock.
 */
public final class RunClaim implements AutoCloseable {

    /** This process, as a lock file names it. */
    static final String OWNER = host() + " " + ProcessHandle.current().pid();

    private final Path lock;

    private RunClaim(Path lock) {
        this.lock = lock;
    }

    /** The outcome of trying to claim a run. */
    public sealed interface Attempt permits Claimed, Held {
    }

    /** The run is this process's to train; close the claim when its record is stored. */
    public record Claimed(RunClaim claim, Optional<String> tookOverFrom) implements Attempt {
    }

    /** Another live process holds it. @param holder its {@code host pid time} */
    public record Held(String holder) implements Attempt {
    }

    /** Tries to claim the run whose lock file is {@code lock}. */
    static Attempt tryClaim(Path lock) {
        Optional<String> tookOver = Optional.empty();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (create(lock)) {
                return new Claimed(new RunClaim(lock), tookOver);
            }
            Optional<String> holder = holder(lock);
            if (holder.isEmpty()) {
                continue; // released between our two looks
            }
            if (!deadOnThisHost(holder.get())) {
                return new Held(holder.get());
            }
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take over the stale claim " + lock + ": "
                        + AtomicFiles.describe(e) + "; delete it by hand", e);
            }
            tookOver = holder;
        }
        return holder(lock).<Attempt>map(Held::new).orElseGet(() -> new Held("a process that just released it"));
    }

    private static boolean create(Path lock) {
        Path tmp = lock.resolveSibling("." + lock.getFileName() + "." + ProcessHandle.current().pid() + "-0.tmp");
        try {
            Files.createDirectories(lock.getParent());
            Files.writeString(tmp, OWNER + " " + Instant.now() + "\n", StandardCharsets.UTF_8);
            Files.createLink(lock, tmp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim " + lock + ": " + AtomicFiles.describe(e)
                    + "; the results folder must allow hard links and exclusive creation (see docs/CLUSTER.md)", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover temporary file is removed by the next start
            }
        }
    }

    /** The live process that holds the claim {@code lock}, if any (a dead one of this host holds nothing). */
    static Optional<String> liveHolder(Path lock) {
        return holder(lock).filter(h -> !deadOnThisHost(h));
    }

    private static Optional<String> holder(Path lock) {
        try {
            return Optional.of(Files.readString(lock, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the claim " + lock + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Whether {@code holder} ({@code host pid time}) names a process of this host that no longer runs. */
    private static boolean deadOnThisHost(String holder) {
        String[] parts = holder.split(" ");
        if (parts.length < 2 || !parts[0].equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }

    /** Releases the claim: deletes the lock file if it is still this process's. */
    @Override
    public void close() {
        if (holder(lock).map(h -> h.startsWith(OWNER + " ")).orElse(false)) {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the claim " + lock + ": " + AtomicFiles.describe(e), e);
            }
        }
    }
}
