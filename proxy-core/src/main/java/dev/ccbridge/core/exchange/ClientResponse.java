package dev.ccbridge.core.exchange;

/**
 * Claude Code's HTTP response, as the exchange writes it: a status and headers, then the body in
 * writes that complete before they return (the request runs on a virtual thread). The server
 * gives one over Jetty; tests may give one in memory.
 */
public interface ClientResponse {
    /** Whether the status and headers went out (nothing about them can change any more). */
    boolean isCommitted();

    void setStatus(int status);

    void setHeader(String name, String value);

    /**
     * Writes part of an array and waits, so the caller may reuse the array right after.
     *
     * @param last whether this ends the body
     * @throws ClientGoneException when Claude Code closed the connection
     */
    void write(byte[] bytes, int offset, int length, boolean last);
}
