package samlab;

/** Library-wide facts: the version, read from the jar manifest when packaged. */
public final class Samlab {
    private Samlab() {}

    /**
     * The JVM flags every samlab launcher passes (native access for ND4J, headless AWT for charts):
     * the parent pom's {@code samlab.jvm.flags}, the one place they are written, which Maven copies into
     * the library's resources; the {@code samlab} script reads the same property from {@code pom.xml},
     * the notebook kernelspec calls this. JDK-specific flags (e.g. JDK 24's Unsafe flag) come on top.
     *
     * @return the flags, in order
     * @throws IllegalStateException if the resource is missing or was not filled in by the build
     */
    public static java.util.List<String> jvmFlags() {
        try (java.io.InputStream in = Samlab.class.getResourceAsStream("jvm-flags.txt")) {
            if (in == null) throw new IllegalStateException("samlab/jvm-flags.txt is missing from the class path: rebuild with Maven");
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (text.isEmpty() || text.contains("${")) {
                throw new IllegalStateException("samlab/jvm-flags.txt was not filled in by the build ('" + text + "'): rebuild with Maven");
            }
            return java.util.List.of(text.split("\\s+"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read samlab/jvm-flags.txt", e);
        }
    }

    /** The library version, or "dev" when running from classes outside a jar. */
    public static String version() {
        String v = Samlab.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
