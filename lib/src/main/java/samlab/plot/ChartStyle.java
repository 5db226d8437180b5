package samlab.plot;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The one house style: white background, fonts readable at 720×480, no XChart decorations. */
final class ChartStyle {
    private ChartStyle() {}

    static final int WIDTH = 720;
    static final int HEIGHT = 480;
    static final String FONT = "DejaVu Sans";

    static XYChart newXYChart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title == null ? "" : title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        apply(chart.getStyler());
        return chart;
    }

    static void apply(XYStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 13));
        s.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setToolTipsEnabled(false);
        s.setCursorEnabled(false);
        s.setSeriesMarkers(new org.knowm.xchart.style.markers.Marker[] {SeriesMarkers.NONE});
        s.setMarkerSize(8);
        s.setChartPadding(8);
        // XChart's default packs step labels so tightly that they run together (1 11 21 …)
        s.setXAxisTickMarkSpacingHint(90);
        s.setYAxisTickMarkSpacingHint(60);
    }
}
