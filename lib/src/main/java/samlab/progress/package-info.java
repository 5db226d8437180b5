/**
 * Progress display, at the edge: a {@link samlab.progress.ProgressSink} (silent, console, or the
 * notebook's) hands out {@link samlab.progress.Progress} trackers. Library algorithms that still
 * reach the global sink from inside (landscape sweeps, data downloads, the trainer) are listed as
 * exceptions in {@code LayeringTest} until a listener is passed in instead.
 */
package samlab.progress;
