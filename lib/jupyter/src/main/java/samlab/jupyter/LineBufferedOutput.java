package samlab.jupyter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Passes whole lines on and keeps a started line until its newline or a {@link #flush()}.
 * The protocol stream under {@code System.out} sends one message per flush, so without this a
 * {@code printf} with five arguments became ten stream outputs in the saved notebook.
 */
final class LineBufferedOutput extends OutputStream {
    private final OutputStream target;
    private byte[] pending = new byte[256];
    private int size;

    LineBufferedOutput(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (size + len > pending.length) pending = Arrays.copyOf(pending, Math.max(2 * pending.length, size + len));
        System.arraycopy(b, off, pending, size, len);
        size += len;
        int lastNewline = -1;
        for (int i = size - 1; i >= size - len; i--) {
            if (pending[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline >= 0) {
            target.write(pending, 0, lastNewline + 1);
            target.flush();
            System.arraycopy(pending, lastNewline + 1, pending, 0, size - lastNewline - 1);
            size -= lastNewline + 1;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (size > 0) {
            target.write(pending, 0, size);
            size = 0;
        }
        target.flush();
    }
}
