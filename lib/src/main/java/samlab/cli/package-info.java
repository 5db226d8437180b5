/**
 * The {@code samlab} command line (picocli), at the edge: one subcommand per task ({@code rest-points},
 * {@code basins}, {@code bifurcation}, {@code figure}, {@code train}, {@code sweep}, {@code data},
 * {@code bench}). Every command checks all of its options before any work; bad input ends with one
 * line on stderr naming the value and what is allowed, exit code 2, and no file written
 * ({@link samlab.cli.Main}).
 */
package samlab.cli;
