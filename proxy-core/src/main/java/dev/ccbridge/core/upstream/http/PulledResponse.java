package dev.ccbridge.core.upstream.http;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.io.Content;

/**
 * Hands a provider's response over as soon as its headers are in, with the body as Jetty's own
 * pull-based {@link Content.Source}: the request's thread reads each chunk straight off the
 * connection, parsing it itself, and parks only when nothing has arrived yet. (A listener that
 * queues chunks for another thread costs two thread switches per chunk; a stream has hundreds.)
 */
final class PulledResponse implements Response.Listener {
    /** The response's head and its body; the body is empty when the response has none. */
    record Head(Response response, Content.Source body) {}

    private final CompletableFuture<Head> head = new CompletableFuture<>();

    CompletableFuture<Head> head() {
        return head;
    }

    @Override
    public void onContentSource(Response response, Content.Source source) {
        head.complete(new Head(response, source));
    }

    @Override
    public void onContent(Response response, java.nio.ByteBuffer content) {
        // never called: the body is pulled through onContentSource
    }

    @Override
    public void onSuccess(Response response) {
        // A response without a body ends without ever offering a content source.
        head.complete(new Head(response, Content.Source.from(new java.nio.ByteBuffer[0])));
    }

    @Override
    public void onComplete(Result result) {
        if (result.isFailed()) {
            head.completeExceptionally(result.getFailure());
        }
    }
}
