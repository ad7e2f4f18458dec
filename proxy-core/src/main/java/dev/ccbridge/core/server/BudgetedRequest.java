package dev.ccbridge.core.server;

import dev.ccbridge.core.log.RejectionReason;
import dev.ccbridge.core.protocol.anthropic.ApiError;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body has room in the {@link BodyBudget}: its declared length is reserved before
 * anything is read; a body without one grows the reservation as it arrives. Closing it (when the
 * exchange has ended, whichever way) gives the room back.
 */
final class BudgetedRequest extends Request.Wrapper implements AutoCloseable {
    private final BodyBudget.Reservation reservation;
    private long arrived;

    private BudgetedRequest(Request request, BodyBudget.Reservation reservation) {
        super(request);
        this.reservation = reservation;
    }

    /** Waits in line for room for the request's body; refused (529) when none comes in time. */
    static BudgetedRequest admit(Request request, BodyBudget budget) throws Rejection {
        try {
            return new BudgetedRequest(request, budget.reserve(request.getLength()));
        } catch (BodyBudget.Full full) {
            throw refusal(full);
        }
    }

    /** 529 {@code overloaded_error} with {@code retry-after}: Claude Code waits and sends it again. */
    static Rejection refusal(BodyBudget.Full full) {
        return new Rejection(RejectionReason.OVERLOADED, ApiError.overloaded("ccbridge is busy with other large "
                + "requests and has no memory left for this one now; it will fit shortly")
                .withHeader("retry-after", String.valueOf(full.retryAfter().toSeconds())));
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk chunk = super.read();
        if (chunk == null || Content.Chunk.isFailure(chunk)) {
            return chunk;
        }
        arrived += chunk.remaining();
        try {
            reservation.grow(arrived);
        } catch (BodyBudget.Full full) {
            chunk.release();
            return Content.Chunk.from(full, true);
        }
        return chunk;
    }

    @Override
    public void close() {
        reservation.close();
    }
}
