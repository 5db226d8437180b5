/**
 * The command line's progress display, at the edge: a text bar on stderr, redrawn in place on a
 * terminal and printed as a line every few seconds in a log. The command line (and
 * {@code samlab.course.Course} outside a notebook kernel) passes its sink into the library's computations.
 */
package samlab.console;
