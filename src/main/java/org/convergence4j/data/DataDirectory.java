package org.convergence4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where a dataset's files live. In order of precedence: the command-line option
 * ({@code --data-dir}), the environment variable {@value #ENV}, then the user's cache
 * ({@code $XDG_CACHE_HOME/convergence4j/<dataset>}, by default {@code ~/.cache/convergence4j/<dataset>}).
 */
public final class DataDirectory {

    /** Environment variable that overrides the default data directory. */
    public static final String ENV = "CONVERGENCE4J_DATA";

    private DataDirectory() {
    }

    /**
     * What chose a data directory, so that a message about the folder names what to change: the option, the variable
     * (a bad {@code $CONVERGENCE4J_DATA} was reported as if {@code --data-dir} had been given), or neither.
     */
    public enum Origin {
        /** {@code --data-dir}. */
        OPTION("given by --data-dir", "give --data-dir %s"),
        /** {@value DataDirectory#ENV}. */
        VARIABLE("set by $" + ENV, "set $" + ENV + " to %s (or unset it, or give --data-dir)"),
        /** The user's cache, or a dataset's system folder. */
        DEFAULT("the default", "give --data-dir %s (or set $" + ENV + ")");

        private final String phrase;
        private final String fix;

        Origin(String phrase, String fix) {
            this.phrase = phrase;
            this.fix = fix;
        }

        /** {@code given by --data-dir}, {@code set by $CONVERGENCE4J_DATA} or {@code the default}. */
        public String phrase() {
            return phrase;
        }

        /** How to point the data folder at {@code what} instead, e.g. {@code give --data-dir another folder}. */
        public String fix(String what) {
            return String.format(fix, what);
        }
    }

    /** What chooses the folder {@link #resolve} returns for these arguments. */
    public static Origin origin(Path option, Map<String, String> env) {
        if (option != null) {
            return Origin.OPTION;
        }
        String fromEnv = env.get(ENV);
        return fromEnv != null && !fromEnv.isBlank() ? Origin.VARIABLE : Origin.DEFAULT;
    }

    /**
     * Refuses a data folder this user cannot list or enter (it was reported as not writable, or its files as
     * missing).
     *
     * @throws ProvisioningException naming the folder, its permissions, what chose it and the fix
     */
    public static void checkReadable(Path dir, Origin origin) throws ProvisioningException {
        if (Files.isDirectory(dir) && !(Files.isReadable(dir) && Files.isExecutable(dir))) {
            String mode;
            try {
                mode = ", mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
            } catch (IOException | UnsupportedOperationException e) {
                mode = "";
            }
            throw new ProvisioningException("the data folder " + dir + " (" + origin.phrase() + ") cannot be read by this"
                    + " user (permission denied" + mode + "); make it readable (chmod u+rx " + dir + "), or "
                    + origin.fix("another folder"));
        }
    }

    /**
     * @param option the {@code --data-dir} value, or null if not given
     * @param env the process environment ({@code System.getenv()})
     * @param dataset the dataset's folder name under the cache, e.g. {@code mnist}
     */
    public static Path resolve(Path option, Map<String, String> env, String dataset) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("convergence4j").resolve(dataset).toAbsolutePath();
    }
}
