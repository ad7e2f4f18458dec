package dev.ccbridge.core.server;

import dev.ccbridge.core.exchange.ClientGoneException;
import dev.ccbridge.core.exchange.ClientResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** Claude Code's response over Jetty: blocking writes (requests run on virtual threads). */
final class JettyResponse implements ClientResponse {
    private final Response response;

    JettyResponse(Response response) {
        this.response = response;
    }

    @Override
    public boolean isCommitted() {
        return response.isCommitted();
    }

    @Override
    public void setStatus(int status) {
        response.setStatus(status);
    }

    @Override
    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public void write(byte[] bytes, int offset, int length, boolean last) {
        try (Blocker.Callback callback = Blocker.callback()) {
            response.write(last, ByteBuffer.wrap(bytes, offset, length), callback);
            callback.block();
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }
}
