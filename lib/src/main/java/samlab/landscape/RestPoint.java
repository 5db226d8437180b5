package samlab.landscape;

import java.util.Locale;

/**
 * A SAM rest point x (∇f(x⁺) = 0) with its classification and local stability at a step size η.
 *
 * @param x                    the point
 * @param kind                 critical point of f, hallucinated minimizer or other hallucinated point
 * @param value                f(x)
 * @param gradNorm             ‖∇f(x)‖ (≈ 0 exactly for critical points)
 * @param image                x⁺ = x + ρ v(x), a critical point of f
 * @param imageType            what f has at the image (from the Hessian eigenvalues there)
 * @param distToImage          ‖x − x⁺‖ (= ρ for hallucinated points of normalised SAM, Lemma 1)
 * @param spectralRadius       spectral radius of DT(x) (NaN where T is not differentiable: critical
 *                             points under normalised SAM)
 * @param normalSpectralRadius spectral radius over the eigenvalues normal to the rest-point set:
 *                             equal to {@code spectralRadius} for isolated points; on a manifold of
 *                             rest points the tangential eigenvalue 1 is left out
 * @param marginal             true when x lies on a manifold of rest points (DT has eigenvalue 1)
 * @param attracting           true when {@code normalSpectralRadius} &lt; 1: locally attracting
 *                             (for a marginal point: the manifold attracts, the point on it is not
 *                             singled out)
 */
public record RestPoint(double[] x, Kind kind, double value, double gradNorm, double[] image, ImageType imageType,
                        double distToImage, double spectralRadius, double normalSpectralRadius,
                        boolean marginal, boolean attracting) {

    /** What kind of rest point. */
    public enum Kind {
        CRITICAL, HALLUCINATED_MINIMIZER, HALLUCINATED_OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What f has at a critical point, from the Hessian eigenvalues (and sampling when singular). */
    public enum ImageType {
        /** positive definite Hessian: strict local minimizer */
        MIN,
        /** negative definite Hessian: strict local maximizer */
        MAX,
        /** eigenvalues of both signs */
        SADDLE,
        /** singular positive semidefinite Hessian and f does not decrease nearby (e.g. a minimizer set) */
        DEGENERATE_MIN,
        /** singular Hessian, not shown to be a minimizer */
        DEGENERATE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A (possibly non-strict) local minimizer. */
        public boolean isMinimizer() {
            return this == MIN || this == DEGENERATE_MIN;
        }
    }

    public RestPoint {
        x = x.clone();
        image = image.clone();
    }

    @Override public double[] x() { return x.clone(); }

    @Override public double[] image() { return image.clone(); }

    /** x's coordinate i without copying. */
    public double x(int i) { return x[i]; }

    /** The image's coordinate i without copying. */
    public double image(int i) { return image[i]; }

    public boolean hallucinated() {
        return kind != Kind.CRITICAL;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.label()).append(" at (");
        for (int i = 0; i < x.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", x[i]));
        sb.append(String.format(Locale.ROOT, "), |grad f| = %.4g, image %s, |x - x+| = %.6g, radius %.6g%s",
                gradNorm, imageType.label(), distToImage, spectralRadius, marginal ? " (marginal)" : ""));
        return sb.toString();
    }
}
