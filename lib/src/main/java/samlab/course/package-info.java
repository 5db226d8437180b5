/**
 * What the course notebooks show, defined once: the runs, sweeps and figures of the theory
 * notebooks, shared by the notebooks and {@code samlab figure NAME --out DIR}. Each figure takes a
 * {@code fast} flag (smaller grids and sweeps for CI) and otherwise only fixed, named settings.
 *
 * <p>Entry points: {@link samlab.course.Course} (the notebooks' entry point: fast or full mode,
 * parameters, claims, exercises, {@code Course.progress()}), {@link samlab.course.CourseFigures} (every figure of notebooks 01–04 and the runs
 * behind them; also a {@link samlab.plot.FigureCatalog}), {@link samlab.course.Picture} (the course's
 * Figure 1 for the ring and the bent ring), {@link samlab.course.BasinsByKind} (basin maps merged by
 * kind of rest point), {@link samlab.course.Surrogate} (f^SAM and its true gradient),
 * {@link samlab.course.GradientDescent} (plain GD for comparison) and
 * {@link samlab.course.Variations} (decaying ρ, noisy gradients, a ridge). The theorems these
 * illustrate are the course's own statements: notebook 01, Proposition 1; notebook 02, Lemmas 1–2
 * and Theorem 1; notebook 04, Theorem 2 (the paper: Park, Jang, Ryu and Yang, arXiv:2509.21818).
 */
package samlab.course;
