/**
 * File writing shared by the library and the command line: {@link samlab.io.AtomicFiles} writes to
 * a temporary file and moves it into place, so that an interrupted or failed write never leaves a
 * half-written output.
 */
package samlab.io;
