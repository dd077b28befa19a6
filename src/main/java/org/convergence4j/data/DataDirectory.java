package org.convergence4j.data;

import java.nio.file.Path;
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
