package samlab;

/** Library-wide facts: the version, read from the jar manifest when packaged. */
public final class Samlab {
    private Samlab() {}

    /** The library version, or "dev" when running from classes outside a jar. */
    public static String version() {
        String v = Samlab.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
