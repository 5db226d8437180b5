package samlab.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where datasets live ({@code root}) and where derived copies are cached ({@code cache}, for
 * example an extracted archive), with a word on which setting chose each ({@code origin}).
 *
 * <p>The root is, in order: an explicit path (a {@code --data-dir} flag), the system property
 * {@value #PROPERTY}, the environment variable {@value #ENV}, else {@code ~/.samlab/data}. The
 * cache is the system property {@value #CACHE_PROPERTY}, the environment variable
 * {@value #CACHE_ENV}, else {@code ~/.samlab/cache}: it is kept apart from the root so that a
 * shared, read-only data folder (as in CI) is never written to.
 */
public record DataDirectory(Path root, Path cache, String origin) {
    public static final String PROPERTY = "samlab.data";
    public static final String ENV = "SAMLAB_DATA";
    public static final String CACHE_PROPERTY = "samlab.cache";
    public static final String CACHE_ENV = "SAMLAB_CACHE";

    /**
     * Stores absolute, normalised paths.
     *
     * @throws NullPointerException if a field is null
     */
    public DataDirectory {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(origin, "origin");
        root = root.toAbsolutePath().normalize();
        cache = cache.toAbsolutePath().normalize();
    }

    /** The data directory from the system property, the environment or the default. */
    public static DataDirectory fromEnvironment() {
        return resolve(null);
    }

    /** The data directory: {@code explicit} when not null, else as {@link #fromEnvironment()}. */
    public static DataDirectory resolve(Path explicit) {
        return resolve(explicit, System::getProperty, System.getenv()::get,
                Path.of(System.getProperty("user.home")));
    }

    /** The resolution rule with its inputs made explicit (for tests). */
    static DataDirectory resolve(Path explicit, UnaryOperator<String> properties,
                                 UnaryOperator<String> environment, Path home) {
        Path samlabHome = home.resolve(".samlab");
        Path cache;
        String cacheProperty = blankToNull(properties.apply(CACHE_PROPERTY));
        String cacheEnv = blankToNull(environment.apply(CACHE_ENV));
        if (cacheProperty != null) cache = Path.of(cacheProperty);
        else if (cacheEnv != null) cache = Path.of(cacheEnv);
        else cache = samlabHome.resolve("cache");

        if (explicit != null) return new DataDirectory(explicit, cache, "--data-dir");
        String property = blankToNull(properties.apply(PROPERTY));
        if (property != null) return new DataDirectory(Path.of(property), cache, "system property " + PROPERTY);
        String env = blankToNull(environment.apply(ENV));
        if (env != null) return new DataDirectory(Path.of(env), cache, "environment variable " + ENV);
        return new DataDirectory(samlabHome.resolve("data"), cache, "default");
    }

    /** Convenience for tests: resolution from maps instead of the real JVM state. */
    static DataDirectory resolve(Path explicit, Map<String, String> properties,
                                 Map<String, String> environment, Path home) {
        return resolve(explicit, properties::get, environment::get, home);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return root + " (from " + origin + "; cache " + cache + ")";
    }
}
