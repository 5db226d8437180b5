package samlab.plot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import samlab.progress.ProgressSink;

/** The gallery as a catalog, registered for tests only (src/test/resources/META-INF/services). */
public final class GalleryCatalog implements FigureCatalog {
    private static final String[] NAMES = {
        "example-contour", "example-contour-inline", "example-quiver", "example-basins", "example-bifurcation", "example-line"
    };

    @Override
    public Map<String, Supplier<Figure>> figures(ProgressSink progress) {
        Map<String, Supplier<Figure>> m = new LinkedHashMap<>();
        for (String n : NAMES) {
            m.put(n, () -> FigureGallery.all().stream().filter(f -> f.name().equals(n)).findFirst().orElseThrow());
        }
        return m;
    }
}
