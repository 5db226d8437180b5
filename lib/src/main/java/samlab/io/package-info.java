/**
 * File writing shared by the library and the command line.
 *
 * <p>Entry point: {@link samlab.io.AtomicFiles} — {@code write}/{@code writeString} write to a
 * temporary file and move it into place, so that an interrupted or failed write never leaves a
 * half-written output; {@code checkWritable} fails early, before a long computation, when a
 * target cannot be written.
 */
package samlab.io;
