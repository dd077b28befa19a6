package org.convergence4j.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.convergence4j.backend.ProcessOwner;

/**
 * A process's claim on one run, so that processes sharing a results folder (on one machine or several) never
 * train the same run twice: a lock file {@code <record name>.lock} holding {@code host pid started claimed} (the
 * owner, {@link ProcessOwner#text()}, and the instant of the claim), created atomically (a hard link from a finished
 * temporary file, which fails if the lock exists, also over NFS). While it trains, the owner renews its claim every
 * {@link #RENEWAL} by setting the lock's modification time to now.
 * <p>
 * A claim is <em>stale</em>, and taken over, when its lock is empty or names no owner, when its owner is a process of
 * this host that has ended (a pid now running under another start instant has ended too: pid reuse cannot keep a
 * claim alive), or, on any host, when its lock was not renewed for {@link #EXPIRY}. Closing the claim deletes the
 * lock.
 */
public final class RunClaim implements AutoCloseable {

    /** How often a live owner renews its claim. */
    public static final Duration RENEWAL = Duration.ofMinutes(1);
    /**
     * How long a claim that is not renewed stays its owner's: ten renewals, so that a busy file server or clocks of
     * two hosts that differ by a few minutes do not end a live claim.
     */
    public static final Duration EXPIRY = Duration.ofMinutes(10);

    /** This process, as a lock file names it. */
    static final String OWNER = ProcessOwner.current().text();

    private final Path lock;
    private final ScheduledExecutorService renewal;

    private RunClaim(Path lock) {
        this.lock = lock;
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "convergence4j-claim-renewal");
            t.setDaemon(true);
            return t;
        });
        long period = RENEWAL.toMillis();
        renewal.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** The outcome of trying to claim a run. */
    public sealed interface Attempt permits Claimed, Held {
    }

    /**
     * The run is this process's to train; close the claim when its record is stored.
     *
     * @param tookOver empty, or what was taken over: {@code the stale claim <lock> of <owner> (<why>)}
     */
    public record Claimed(RunClaim claim, Optional<String> tookOver) implements Attempt {
    }

    /** Another live process holds it. @param holder its owner, the lock and how recently it was renewed */
    public record Held(String holder) implements Attempt {
    }

    /** Tries to claim the run whose lock file is {@code lock}. */
    static Attempt tryClaim(Path lock) {
        Optional<String> tookOver = Optional.empty();
        for (int attempt = 0; attempt < 2; attempt++) {
            if (create(lock)) {
                return new Claimed(new RunClaim(lock), tookOver);
            }
            Optional<Found> found = Found.read(lock);
            if (found.isEmpty()) {
                continue; // released between our two looks
            }
            Optional<String> stale = found.get().stale();
            if (stale.isEmpty()) {
                return new Held(found.get().describe());
            }
            remove(found.get());
            tookOver = Optional.of("the stale claim " + lock + " of " + found.get().ownerText() + " (" + stale.get()
                    + ")");
        }
        return Found.read(lock).<Attempt>map(f -> new Held(f.describe()))
                .orElseGet(() -> new Held("a process that just released it"));
    }

    /** The live process that holds the claim {@code lock}, if any, as {@link Held#holder()} describes it. */
    static Optional<String> liveHolder(Path lock) {
        return Found.read(lock).filter(f -> f.stale().isEmpty()).map(Found::describe);
    }

    private static boolean create(Path lock) {
        Path tmp = AtomicFiles.temporary(lock);
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

    /**
     * Deletes the stale lock {@code found}, unless it changed since it was judged (another process took it over
     * first and claimed the run anew).
     */
    private static void remove(Found found) {
        try {
            Optional<Found> now = Found.read(found.lock);
            if (now.isPresent() && now.get().text.equals(found.text)) {
                Files.deleteIfExists(found.lock);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take over the stale claim " + found.lock + " of "
                    + found.ownerText() + ": " + AtomicFiles.describe(e) + "; delete it by hand", e);
        }
    }

    /** Renews the claim: the lock's modification time becomes now, while the lock is still this process's. */
    void renew() {
        try {
            if (mine()) {
                Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
            }
        } catch (IOException | UncheckedIOException e) {
            // A missed renewal is harmless unless it lasts EXPIRY; the next one tries again.
        }
    }

    private boolean mine() {
        return Found.read(lock).map(f -> f.text.startsWith(OWNER + " ")).orElse(false);
    }

    /** Stops renewing and releases the claim: deletes the lock file if it is still this process's. */
    @Override
    public void close() {
        renewal.shutdownNow();
        if (mine()) {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the claim " + lock + ": " + AtomicFiles.describe(e), e);
            }
        }
    }

    /**
     * A lock file as found: its text, the owner it names (empty for an empty or garbled lock) and its age, the time
     * since it was made or last renewed.
     */
    private record Found(Path lock, String text, Optional<ProcessOwner> owner, Duration age) {

        /** The lock, if it exists; one that cannot be read counts as empty, so as stale. */
        static Optional<Found> read(Path lock) {
            String read;
            try {
                read = Files.readString(lock, StandardCharsets.UTF_8).strip();
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException | UncheckedIOException e) {
                if (!Files.exists(lock)) {
                    return Optional.empty();
                }
                read = "";
            }
            String text = read;
            return ProcessOwner.age(lock).map(a -> new Found(lock, text, ProcessOwner.parse(text), a));
        }

        /** Why the claim is stale, or empty if its owner may still be training. */
        Optional<String> stale() {
            if (owner.isEmpty()) {
                return Optional.of(text.isEmpty() ? "the lock is empty or unreadable" : "the lock names no owner");
            }
            if (owner.get().endedOnThisHost()) {
                return Optional.of("no process " + owner.get().pid() + " of this host started at "
                        + owner.get().started().map(Instant::toString).orElse("an unknown time") + " runs; "
                        + "last renewed " + ProcessOwner.describe(age) + " ago");
            }
            if (age.compareTo(EXPIRY) > 0) {
                return Optional.of("not renewed for " + ProcessOwner.describe(age) + ", more than "
                        + ProcessOwner.describe(EXPIRY));
            }
            return Optional.empty();
        }

        String ownerText() {
            return text.isEmpty() ? "no one" : text;
        }

        /** {@code host pid started claimed (lock <file>, renewed 12 s ago)}. */
        String describe() {
            return ownerText() + " (lock " + lock + ", renewed " + ProcessOwner.describe(age) + " ago; taken over if not "
                    + "renewed for " + ProcessOwner.describe(EXPIRY) + ")";
        }
    }
}
