package samlab.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Marker shapes for point sets; open shapes are outlines (e.g. non-attracting rest points, starts). */
public enum Mark {
    CIRCLE, OPEN_CIRCLE, SQUARE, DIAMOND, TRIANGLE, CROSS;

    Marker marker() {
        return switch (this) {
            case CIRCLE -> SeriesMarkers.CIRCLE;
            case OPEN_CIRCLE -> OpenCircle.INSTANCE;
            case SQUARE -> SeriesMarkers.SQUARE;
            case DIAMOND -> SeriesMarkers.DIAMOND;
            case TRIANGLE -> SeriesMarkers.TRIANGLE_UP;
            case CROSS -> SeriesMarkers.CROSS;
        };
    }

    /** An unfilled circle: XChart 3.8.8 has only filled markers. */
    static final class OpenCircle extends Marker {
        static final OpenCircle INSTANCE = new OpenCircle();
        private static final BasicStroke OUTLINE = new BasicStroke(2f);

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            g.setStroke(OUTLINE);
            double r = markerSize / 2.0;
            g.draw(new Ellipse2D.Double(xOffset - r, yOffset - r, markerSize, markerSize));
        }
    }
}
