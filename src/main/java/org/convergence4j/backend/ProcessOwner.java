package org.convergence4j.backend;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process as the files it owns name it (claims on runs, temporary files, download folders): its host, its pid and
 * the instant it started. The start instant tells a process from a later one that was given the same pid, so the
 * file of a process that ended is never mistaken for the file of a live process that reused its pid. Whether a
 * process runs can only be seen on its own host; the file of another host's process is judged by its age alone.
 *
 * @param host the host name, as {@link InetAddress#getLocalHost()} gives it (else {@code $HOSTNAME})
 * @param pid the process id
 * @param started when it started, as the operating system records it; empty where that is not known
 */
public record ProcessOwner(String host, long pid, Optional<Instant> started) {

    private static final ProcessOwner CURRENT = new ProcessOwner(localHost(), ProcessHandle.current().pid(),
            ProcessHandle.current().info().startInstant());
    /** The longest host name a file name holds. */
    private static final int HOST_CHARS = 64;
    /** {@code <pid>-<start in epoch milliseconds, 0 if unknown>@<host>}. */
    private static final Pattern TOKEN = Pattern.compile("(\\d+)-(\\d+)@([A-Za-z0-9._-]+)");

    /** This process. */
    public static ProcessOwner current() {
        return CURRENT;
    }

    /** {@code host pid started}, with {@code -} for an unknown start: how a claim's file names its owner. */
    public String text() {
        return host + " " + pid + " " + started.map(Instant::toString).orElse("-");
    }

    /**
     * The owner named at the start of {@code text} ({@code host pid started}, as {@link #text()} writes it, followed
     * by more words); empty unless it starts with a host and a pid. A start that is missing or not an instant is
     * unknown: claims of earlier versions hold three words, {@code host pid time}, the time of the claim.
     */
    public static Optional<ProcessOwner> parse(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length < 2 || words[0].isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(words[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<Instant> started = Optional.empty();
        if (words.length >= 4) {
            try {
                started = Optional.of(Instant.parse(words[2]));
            } catch (DateTimeParseException e) {
                // unknown
            }
        }
        return Optional.of(new ProcessOwner(words[0], pid, started));
    }

    /**
     * This owner in a file name, {@code <pid>-<start in epoch ms>@<host>} (0 for an unknown start), the host as
     * {@link #fileSafe} writes it.
     */
    public String fileToken() {
        return pid + "-" + started.map(Instant::toEpochMilli).orElse(0L) + "@" + fileSafe(host);
    }

    /**
     * {@code host} fit for a file name: every character other than a letter, digit, dot, underscore or hyphen
     * replaced by {@code _}, and at most {@value #HOST_CHARS} characters, so that a name stays within the 255 bytes
     * file systems allow.
     */
    static String fileSafe(String host) {
        String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() <= HOST_CHARS ? safe : safe.substring(0, HOST_CHARS);
    }

    /** The owner of a {@link #fileToken()} found in a file name; empty if {@code token} is not one. */
    public static Optional<ProcessOwner> ofFileToken(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(m.group(2));
            return Optional.of(new ProcessOwner(m.group(3), Long.parseLong(m.group(1)),
                    millis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this owner is this machine's: its host is this host, as named or as {@link #fileSafe} writes it. */
    public boolean onThisHost() {
        return host.equals(CURRENT.host) || host.equals(fileSafe(CURRENT.host));
    }

    /**
     * Whether this owner is known to have ended: it is of this host, and no process with its pid runs, or the one that
     * runs started at another instant (its pid was reused), or its start is unknown (every process of this version
     * names its start, so a running process cannot be shown to be it). False for an owner on another host, whose end
     * cannot be seen from here.
     */
    public boolean endedOnThisHost() {
        if (!onThisHost()) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        if (CURRENT.started.isEmpty()) {
            return false; // a system that records no start instants: a running pid is taken for its owner
        }
        Optional<Instant> actual = process.get().info().startInstant().map(i -> Instant.ofEpochMilli(i.toEpochMilli()));
        return started.isEmpty() || !started.map(i -> Instant.ofEpochMilli(i.toEpochMilli())).equals(actual);
    }

    /** How long ago {@code file} was last modified (zero for a time in the future); empty if it is gone. */
    public static Optional<Duration> age(Path file) {
        try {
            Duration age = Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now());
            return Optional.of(age.isNegative() ? Duration.ZERO : age);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code d} for a reader: {@code 42 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 4 d 2 h}. */
    public static String describe(Duration d) {
        long s = d.getSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h " + s / 60 % 60 + " min";
        }
        return s / 86400 + " d " + s / 3600 % 24 + " h";
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("localhost");
        }
    }
}
