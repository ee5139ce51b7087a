package com.keydesk.serve;

import java.time.Duration;

/**
 * How much any client may take of the server. The body limit (64 KiB) and URL limit are in
 * {@link ApiHandler}; these are per connection and per address.
 *
 * @param headerBytes     request line and headers together; larger gets 431
 * @param idle            a connection that sends or reads nothing this long is closed
 * @param maxConnections  open connections in all; past it the server stops accepting until one closes
 * @param perAddress      open connections from one address
 */
public record ServerLimits(int headerBytes, Duration idle, int maxConnections, int perAddress) {
    public static final ServerLimits STANDARD = new ServerLimits(8 * 1024, Duration.ofSeconds(10), 1024, 64);
}
