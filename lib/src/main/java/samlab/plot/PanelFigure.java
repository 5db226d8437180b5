package samlab.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * Plane figures side by side under one title, with one colour bar for the shading they share
 * (build each panel with {@link PlaneFigure.Builder#shadeRange} set to the bar's range). Each panel's
 * legend goes below it. Each panel is painted at the height that keeps one unit on x as long as one on
 * y; asked for another image size, the whole figure is scaled uniformly.
 */
public final class PanelFigure extends Figure {
    /** Width of one panel in pixels; its height follows from its equal aspect (legend below included). */
    public static final int PANEL_WIDTH = 480;
    static final int PANEL_HEIGHT = 600;
    /** Width of the colour-bar strip in pixels. */
    public static final int BAR_WIDTH = 110;

    private final PanelChart chart;
    private final List<PlaneFigure> panels;
    private final ColourBar bar;

    private PanelFigure(String name, PanelChart chart, List<PlaneFigure> panels, ColourBar bar) {
        super(name, chart);
        this.chart = chart;
        this.panels = panels;
        this.bar = bar;
    }

    /**
     * An empty panel figure.
     *
     * @param name the file name without extension: lower-case letters and digits in dash-separated words (e.g. {@code ring-basins})
     * @return the builder
     * @throws IllegalArgumentException if {@code name} is null or not of that form
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }



    /** The panels, left to right. */
    public List<PlaneFigure> panels() {
        return panels;
    }

    /** The colour bar, or null when there is none. */
    public ColourBar colourBar() {
        return bar;
    }

    /**
     * The colour bar of the shared shading: {@code label} over [lo, hi], on the log(1 + ·/δ) scale of
     * {@link PlaneFigure.Builder#backdrop(SampledGrid, boolean)} when {@code log}.
     */
    public record ColourBar(String label, double lo, double hi, boolean log) {
        /** @throws IllegalArgumentException unless {@code lo < hi} (NaN fails) */
        public ColourBar {
            if (!(hi > lo)) throw new IllegalArgumentException("colour bar [" + lo + ", " + hi + "] must have lo < hi");
        }

        /** The colour of value v, exactly as the panels shade it. */
        public Color colour(double v) {
            return PlaneFigure.grey(PlaneFigure.shade(v, lo, hi, log));
        }

        /** The value at position t ∈ [0, 1] of the bar (0 bottom, 1 top): the inverse of the shading scale. */
        public double valueAt(double t) {
            if (!log) return lo + t * (hi - lo);
            double delta = 1e-3 * (hi - lo);
            return lo + delta * Math.expm1(t * Math.log1p((hi - lo) / delta));
        }
    }

    public static final class Builder {
        private final String name;
        private String title = "";
        private final List<PlaneFigure> panels = new ArrayList<>();
        private ColourBar bar;

        private Builder(String name) {
            this.name = FigureNames.check(name);
        }

        /**
         * The figure's title, above all panels.
         *
         * @throws NullPointerException if {@code title} is null
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Adds a panel (its own title labels it, e.g. "(a) f").
         *
         * @throws NullPointerException if {@code panel} is null
         */
        public Builder panel(PlaneFigure panel) {
            panels.add(Objects.requireNonNull(panel, "panel"));
            return this;
        }

        /**
         * The colour bar for the panels' shared shading.
         *
         * @throws IllegalArgumentException if {@code label} is null or blank, or not {@code lo < hi}
         */
        public Builder colourBar(String label, double lo, double hi, boolean log) {
            this.bar = new ColourBar(PlaneFigure.checkLabel(label), lo, hi, log);
            return this;
        }

        /** @throws IllegalArgumentException when no panel was added */
        public PanelFigure build() {
            if (panels.isEmpty()) throw new IllegalArgumentException("a panel figure needs at least one panel");
            for (PlaneFigure p : panels) {
                XYStyler s = (XYStyler) p.chart().getStyler();
                s.setLegendPosition(Styler.LegendPosition.OutsideS);
                s.setLegendLayout(Styler.LegendLayout.Vertical);
            }
            int width = panels.size() * PANEL_WIDTH + (bar == null ? 0 : BAR_WIDTH);
            int height = panels.stream().mapToInt(p -> p.heightForEqualAspect(PANEL_WIDTH)).max().orElse(PANEL_HEIGHT);
            PanelChart chart = new PanelChart(width, height + PanelChart.TITLE_HEIGHT, title, List.copyOf(panels), bar);
            return new PanelFigure(name, chart, List.copyOf(panels), bar);
        }
    }

    /** Paints the panels side by side, the title above them and the colour bar at the right. */
    static final class PanelChart extends Chart<XYStyler, XYSeries> {
        static final int TITLE_HEIGHT = 34;
        private final List<PlaneFigure> panels;
        private final ColourBar bar;

        PanelChart(int width, int height, String title, List<PlaneFigure> panels, ColourBar bar) {
            super(width, height, new XYStyler());
            setTitle(title);
            this.panels = panels;
            this.bar = bar;
        }

        /**
         * Paints at the figure's own size, scaled uniformly (and centred) when asked for another size,
         * so that a renderer with a fixed image size shrinks the figure instead of distorting it.
         */
        @Override
        public void paint(Graphics2D g, int width, int height) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            if (width == getWidth() && height == getHeight()) {
                paintAtOwnSize(g, width, height);
                return;
            }
            double scale = Math.min((double) width / getWidth(), (double) height / getHeight());
            Graphics2D scaled = (Graphics2D) g.create();
            try {
                scaled.translate((width - scale * getWidth()) / 2, (height - scale * getHeight()) / 2);
                scaled.scale(scale, scale);
                paintAtOwnSize(scaled, getWidth(), getHeight());
            } finally {
                scaled.dispose();
            }
        }

        private void paintAtOwnSize(Graphics2D g, int width, int height) {
            int barWidth = bar == null ? 0 : Math.max(60, BAR_WIDTH * width / getWidth());
            int panelWidth = (width - barWidth) / panels.size();
            int top = getTitle().isBlank() ? 0 : TITLE_HEIGHT;
            if (top > 0) {
                g.setColor(Color.BLACK);
                g.setFont(new Font(ChartStyle.FONT, Font.BOLD, 17));
                FontMetrics fm = g.getFontMetrics();
                g.drawString(getTitle(), Math.max(4, (width - fm.stringWidth(getTitle())) / 2), 8 + fm.getAscent());
            }
            for (int i = 0; i < panels.size(); i++) {
                // each panel at the height that keeps its units equal (a shorter legend leaves space below)
                int h = Math.min(height - top, panels.get(i).heightForEqualAspect(panelWidth));
                Graphics2D sub = (Graphics2D) g.create(i * panelWidth, top, panelWidth, height - top);
                try {
                    panels.get(i).chart().paint(sub, panelWidth, h);
                } finally {
                    sub.dispose();
                }
            }
            if (bar != null) paintBar(g, width - barWidth, top, barWidth, height - top);
        }

        private void paintBar(Graphics2D g, int x0, int y0, int w, int h) {
            int barTop = y0 + 60, barBottom = y0 + h - 160, barX = x0 + 12, barW = 18;
            for (int y = barTop; y <= barBottom; y++) {
                double t = (double) (barBottom - y) / (barBottom - barTop);
                g.setColor(bar.colour(bar.valueAt(t)));
                g.fillRect(barX, y, barW, 1);
            }
            g.setColor(Color.GRAY);
            g.drawRect(barX, barTop, barW, barBottom - barTop);
            g.setColor(Color.BLACK);
            g.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(bar.label(), x0 + 4, barTop - 12);
            for (int k = 0; k <= 4; k++) {
                double t = k / 4.0;
                int y = (int) Math.round(barBottom - t * (barBottom - barTop));
                g.drawLine(barX + barW, y, barX + barW + 4, y);
                g.drawString(String.format("%.3g", bar.valueAt(t)), barX + barW + 7, y + fm.getAscent() / 2 - 1);
            }
        }
    }
}
