// Top Hessian eigenvalue of the training loss at initialisation (before any step), seeds 1-3, on the
// 1,000 training images of E0/E2, by HallucinationCheck (power iteration on finite-difference
// Hessian-vector products, up to 300 iterations, tolerance 1e-3). Writes lambda-init.csv beside this file.
// Run: jshell --class-path "<samlab jar>:<lib>/*" -R-Djava.awt.headless=true lambda-init.jsh  (SAMLAB_DATA set)
import samlab.data.*;
import samlab.nn.*;
import samlab.train.*;
var train = Subsets.perClass(Datasets.load(KnownDataset.MNIST, Split.TRAIN), 100, 0);
var sb = new StringBuilder("seed,examples,lambda_max,eta_0.5_times_lambda_max,eta_0.05_times_lambda_max,grad_norm,loss,weight_norm,active_fraction\n");
for (long seed = 1; seed <= 3; seed++) {
    var g = Architecture.MLP.build(1, 28, 28, 10, seed);
    var r = HallucinationCheck.run(g, true, train, HallucinationCheck.Config.of(1e-6).withStability(0.5, 300));
    var d = r.diagnostics();
    sb.append(String.format(java.util.Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n", seed, r.examples(), d.topEigenvalue(),
            0.5 * d.topEigenvalue(), 0.05 * d.topEigenvalue(), d.gradientNorm(), d.loss(), d.weightNorm(), d.activeFraction()));
    System.out.print(sb);
}
java.nio.file.Files.writeString(java.nio.file.Path.of("lambda-init.csv"), sb.toString());
/exit
