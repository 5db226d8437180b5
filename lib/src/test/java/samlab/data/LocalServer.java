package samlab.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 serving byte arrays, honouring {@code Range: bytes=N-} unless told
 * not to, and recording each request's Range header (or "none") so tests can see what was asked.
 */
final class LocalServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    volatile boolean honourRange = true;
    /** When set, a range request gets HTTP 206 with the whole file and a Content-Range starting at 0. */
    volatile boolean wrongRange;
    /** When positive, each response sends at most this many bytes and then closes the connection. */
    volatile int cutAfter = -1;

    LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI serve(String name, byte[] content) {
        files.put("/" + name, content);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = files.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "none" : range);
            int from = 0;
            int status = 200;
            if (range != null && wrongRange) {
                status = 206;
                ex.getResponseHeaders().add("Content-Range", "bytes 0-" + (body.length - 1) + "/" + body.length);
            } else if (range != null && honourRange) {
                Matcher m = RANGE.matcher(range);
                if (m.matches()) {
                    from = Integer.parseInt(m.group(1));
                    if (from >= body.length) {
                        ex.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    ex.getResponseHeaders().add("Content-Range",
                            "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                }
            }
            int length = body.length - from;
            int send = cutAfter > 0 ? Math.min(cutAfter, length) : length;
            ex.sendResponseHeaders(status, length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body, from, send);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
