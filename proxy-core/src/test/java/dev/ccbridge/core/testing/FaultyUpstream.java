package dev.ccbridge.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider that misbehaves on purpose, over raw sockets (byte-exact control that an HTTP
 * server library would not allow): answers late, stalls mid-stream, resets the connection,
 * sends broken framing, wrong content types, odd bodies. Each connection gets the next
 * {@link Behaviour} of the script (the last one repeats). It counts connections and knows which
 * are still open, so a test can check that ccbridge closed (or aborted) every one of them.
 */
public final class FaultyUpstream implements AutoCloseable {
    /** What the fake does with one connection, after reading its request. */
    @FunctionalInterface
    public interface Behaviour {
        void serve(Exchange exchange) throws IOException;
    }

    /** Thrown inside a behaviour when the caller closed the connection while the fake waited. */
    public static final class CallerLeft extends IOException {
        CallerLeft() {
            super("the caller closed the connection");
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger callerClosed = new AtomicInteger();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile List<Behaviour> script = List.of(Exchange::notFound);
    private volatile boolean closed;

    public FaultyUpstream() {
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = Thread.ofPlatform().daemon().name("faulty-upstream").start(this::acceptLoop);
    }

    /** The behaviours for the next connections, in order; the last one repeats. */
    public FaultyUpstream script(Behaviour... behaviours) {
        script = List.of(behaviours);
        accepted.set(0);
        return this;
    }

    /** A base URL with {@code /v1}, as Chat and Responses targets name it. */
    public String baseUrl() {
        return rootUrl() + "/v1";
    }

    public String rootUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int connections() {
        return accepted.get();
    }

    /** The JSON bodies received, in order. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** Connections the caller closed (or aborted) while the fake was still writing or waiting. */
    public int closedByCaller() {
        return callerClosed.get();
    }

    public int openConnections() {
        return open.size();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                int n = accepted.getAndIncrement();
                List<Behaviour> current = script;
                Behaviour behaviour = current.get(Math.min(n, current.size() - 1));
                Thread.ofVirtual().name("faulty-upstream-conn").start(() -> serve(socket, behaviour));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void serve(Socket socket, Behaviour behaviour) {
        try (socket) {
            var exchange = new Exchange(socket);
            exchange.readRequest();
            if (exchange.json() != null) {
                requests.add(exchange.json());
            }
            behaviour.serve(exchange);
            exchange.awaitCallerClose(Duration.ofSeconds(30));
        } catch (CallerLeft e) {
            callerClosed.incrementAndGet();
        } catch (IOException e) {
            // a reset or a caller gone mid-write: the connection is over either way
            if (e instanceof SocketException && !socket.isClosed()) {
                callerClosed.incrementAndGet();
            }
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        acceptor.join(2000);
    }

    /** One connection: the request as received, and the means to answer (or not). */
    public static final class Exchange {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private String head = "";
        private byte[] body = new byte[0];
        private JsonNode json;

        Exchange(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void readRequest() throws IOException {
            var headBytes = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new CallerLeft();
                }
                headBytes.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            head = headBytes.toString(StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            body = in.readNBytes(length);
            json = Json.parseOrNull(new String(body, StandardCharsets.UTF_8));
        }

        /** The request's JSON body (null if it had none or it was not JSON). */
        public JsonNode json() {
            return json;
        }

        /** The request line and headers, as sent. */
        public String head() {
            return head;
        }

        /** Status line and headers of a chunked answer (the connection closes after it). */
        public Exchange head(int status, String contentType, String... extraHeaders) throws IOException {
            var text = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            if (contentType != null) {
                text.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (String header : extraHeaders) {
                text.append(header).append("\r\n");
            }
            text.append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        /** One chunk of the body, flushed. */
        public Exchange chunk(String text) throws IOException {
            return chunk(text.getBytes(StandardCharsets.UTF_8));
        }

        public Exchange chunk(byte[] bytes) throws IOException {
            if (bytes.length == 0) {
                return this;
            }
            var frame = new ByteArrayOutputStream();
            frame.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            frame.writeBytes(bytes);
            frame.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            write(frame.toByteArray());
            return this;
        }

        /** Several chunks, one after the other. */
        public Exchange chunks(List<String> texts) throws IOException {
            for (String text : texts) {
                chunk(text);
            }
            return this;
        }

        /** The body's proper end (the last, empty chunk). */
        public Exchange end() throws IOException {
            write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        /** A whole answer with a Content-Length. */
        public Exchange whole(int status, String contentType, byte[] bytes, String... extraHeaders) throws IOException {
            var text = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            if (contentType != null) {
                text.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (String header : extraHeaders) {
                text.append(header).append("\r\n");
            }
            text.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
            write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
            write(bytes);
            return this;
        }

        public Exchange whole(int status, String contentType, String body, String... extraHeaders) throws IOException {
            return whole(status, contentType, body.getBytes(StandardCharsets.UTF_8), extraHeaders);
        }

        /**
         * Waits, as a silent provider does; throws {@link CallerLeft} as soon as the caller closes
         * the connection meanwhile.
         */
        public Exchange pause(Duration duration) throws IOException {
            long deadline = System.nanoTime() + duration.toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return this;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                try {
                    if (in.read() < 0) {
                        throw new CallerLeft();
                    }
                } catch (SocketTimeoutException e) {
                    return this;
                } catch (SocketException e) {
                    throw new CallerLeft();
                }
            }
        }

        /** Says nothing more until the caller gives up (throws {@link CallerLeft} then). */
        public void hang() throws IOException {
            pause(Duration.ofMinutes(5));
        }

        /** Resets the connection (TCP RST), as a crashed server or a middlebox does. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Closes the connection now, mid-answer or before one. */
        public void close() throws IOException {
            socket.close();
        }

        void awaitCallerClose(Duration timeout) throws IOException {
            if (socket.isClosed()) {
                return;
            }
            socket.shutdownOutput();
            try {
                pause(timeout);
            } catch (CallerLeft e) {
                // the normal end: the caller read the answer and closed
            }
        }

        public void notFound() throws IOException {
            whole(404, "text/plain", "no behaviour set");
        }

        private void write(byte[] bytes) throws IOException {
            try {
                out.write(bytes);
                out.flush();
            } catch (SocketException e) {
                throw new CallerLeft();
            }
        }

        private static String reason(int status) {
            return switch (status) {
                case 200 -> "OK";
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 502 -> "Bad Gateway";
                case 503 -> "Service Unavailable";
                default -> "Status";
            };
        }
    }

    /** Concatenates chunk texts (for a body written at once). */
    public static String joined(List<String> texts) {
        return String.join("", new ArrayList<>(texts));
    }
}
