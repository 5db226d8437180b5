/**
 * Figures built from results (XChart), at the edge: line charts of tables ({@link samlab.plot.LineFigure}),
 * planes with contours, trajectories and arrows ({@link samlab.plot.PlaneFigure}), basin maps
 * ({@link samlab.plot.BasinMapFigure}) and bifurcation diagrams ({@link samlab.plot.BifurcationFigure}),
 * written as PNG/SVG by {@link samlab.plot.FigureWriter}. No computation of its own beyond sampling
 * and contouring; only this package touches XChart. Tests assert on the chart data, not on pixels.
 */
package samlab.plot;
