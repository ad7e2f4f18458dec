package dev.ccbridge.app;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One app per installation: the first launch listens on a local socket; a second launch finds
 * it, asks it to show its window, and exits. A socket file left by a crash is detected (nobody
 * answers) and replaced.
 */
public final class SingleInstance implements AutoCloseable {
    private static final String SHOW = "show\n";
    private static final int MAX_SOCKET_PATH = 100;

    /**
     * The outcome of a launch: this process is the app (its {@code instance} is null when the check
     * itself failed), or the running app was asked to show itself.
     */
    public sealed interface Claim {
        record Primary(SingleInstance instance) implements Claim {}

        record Secondary() implements Claim {}
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final AtomicReference<Runnable> onShow = new AtomicReference<>();
    private volatile boolean showRequested;

    private SingleInstance(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
        Thread.ofPlatform().daemon().name("ccbridge-instance").start(this::serve);
    }

    public static Claim claim(Path wanted) {
        Path socket = usable(wanted);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (askToShow(socket)) {
                return new Claim.Secondary();
            }
            try {
                Files.createDirectories(socket.getParent());
                Files.deleteIfExists(socket); // nobody answered: left by a crash
                var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(socket));
                return new Claim.Primary(new SingleInstance(socket, server));
            } catch (IOException e) {
                // Another launch bound it between our attempts: ask it on the next round.
            }
        }
        throw new IllegalStateException("cannot claim " + socket + " and nobody answers on it");
    }

    /** What to do when another launch asks; a request that came before this is run now. */
    public void onShowRequest(Runnable action) {
        onShow.set(action);
        if (showRequested) {
            showRequested = false;
            action.run();
        }
    }

    public Path socket() {
        return socket;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocate(64);
                client.read(buffer);
                String request = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                if (request.equals(SHOW)) {
                    Runnable action = onShow.get();
                    if (action != null) {
                        action.run();
                    } else {
                        showRequested = true;
                    }
                    client.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private static boolean askToShow(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(SHOW.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer answer = ByteBuffer.allocate(8);
            channel.read(answer);
            return answer.position() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Unix socket paths are short (about 100 bytes): a long one is replaced by a hashed name in the temp dir. */
    static Path usable(Path wanted) {
        Path absolute = wanted.toAbsolutePath();
        if (absolute.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return absolute;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
            String name = "ccbridge-" + HexFormat.of().formatHex(digest, 0, 8) + ".sock";
            return Path.of(System.getProperty("java.io.tmpdir")).resolve(name);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // leaving: a stale socket file is replaced by the next launch
        }
    }
}
