/**
 * The progress listener API, usable by every layer: a {@link samlab.progress.ProgressSink} passed in
 * by the caller hands out {@link samlab.progress.Progress} trackers. Nothing here displays anything
 * or holds global state; the displays sit at the edge (the console bar in {@code samlab.console},
 * the notebook's in lib/jupyter) and the edge decides which one a computation reports to.
 */
package samlab.progress;
