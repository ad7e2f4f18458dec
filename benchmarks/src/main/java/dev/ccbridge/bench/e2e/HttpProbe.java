package dev.ccbridge.bench.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket that timestamps a response as its bytes
 * arrive: when the first piece of text shows up (time to first token) and when each later one
 * does. It decodes chunked and sized bodies itself, so nothing between the socket and the clock
 * buffers. One request at a time.
 */
final class HttpProbe implements Closeable {
    /** What one exchange showed: status, timings from the request's first byte out, the body. */
    record Result(int status, long firstMarkNanos, List<Long> markNanos, long totalNanos, byte[] body) {
        boolean contains(String text) {
            return new String(body, StandardCharsets.UTF_8).contains(text);
        }
    }

    private final URI base;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    HttpProbe(URI base) throws IOException {
        this.base = base;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    /**
     * POSTs {@code body} to {@code path} and reads the whole answer, noting the time of every
     * occurrence of {@code mark} (counted in the decoded body, also across reads).
     */
    Result post(String path, Map<String, String> headers, byte[] body, String mark) throws IOException {
        var request = new StringBuilder()
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        byte[] head = request.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);

        long start = System.nanoTime();
        out.write(whole);
        out.flush();

        int status = readStatusAndHeaders();
        var marks = new MarkCounter(mark.getBytes(StandardCharsets.UTF_8), start);
        if (chunked) {
            readChunked(marks);
        } else {
            readSized(contentLength, marks);
        }
        long total = System.nanoTime() - start;
        return new Result(status, marks.times.isEmpty() ? -1 : marks.times.getFirst(), marks.times, total,
                marks.body.toByteArray());
    }

    private boolean chunked;
    private long contentLength;

    private int readStatusAndHeaders() throws IOException {
        String statusLine = line();
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        chunked = false;
        contentLength = -1;
        String header;
        while ((header = line()) != null && !header.isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("content-length:")) {
                contentLength = Long.parseLong(header.substring(15).strip());
            }
        }
        return status;
    }

    private void readChunked(MarkCounter marks) throws IOException {
        while (true) {
            String sizeLine = line();
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return;
            }
            readSized(size, marks);
            line();
        }
    }

    private void readSized(long length, MarkCounter marks) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("connection closed with " + left + " bytes of the body missing");
            }
            marks.add(buffer, read, System.nanoTime());
            left -= read;
        }
    }

    private String line() throws IOException {
        var bytes = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        if (b < 0 && bytes.size() == 0) {
            return null;
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Counts a marker in a body that arrives in pieces, noting when each occurrence arrived. */
    private static final class MarkCounter {
        final byte[] mark;
        final long start;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final List<Long> times = new ArrayList<>();
        int searchFrom;

        MarkCounter(byte[] mark, long start) {
            this.mark = mark;
            this.start = start;
        }

        void add(byte[] bytes, int length, long now) {
            body.write(bytes, 0, length);
            byte[] all = body.toByteArray();
            for (int i = searchFrom; i <= all.length - mark.length; i++) {
                if (matches(all, i)) {
                    times.add(now - start);
                    i += mark.length - 1;
                    searchFrom = i + 1;
                }
            }
            searchFrom = Math.max(searchFrom, all.length - mark.length + 1);
        }

        private boolean matches(byte[] all, int at) {
            for (int j = 0; j < mark.length; j++) {
                if (all[at + j] != mark[j]) {
                    return false;
                }
            }
            return true;
        }
    }
}
