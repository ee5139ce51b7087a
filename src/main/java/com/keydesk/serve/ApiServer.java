package com.keydesk.serve;

import com.keydesk.service.FailedKeyThrottle;
import com.keydesk.service.Services;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.PrintStream;
import java.security.KeyStore;
import java.util.concurrent.Executors;

/**
 * {@code keydesk serve}'s HTTP server: Jetty's core server (no servlets), each request on a
 * virtual thread, plain HTTP or HTTPS. Stopping lets requests in flight finish (up to
 * {@link #STOP_GRACE_MS}) before it returns; the caller then closes the store.
 */
public final class ApiServer implements AutoCloseable {
    static final long STOP_GRACE_MS = 10_000;

    private final Server server;
    private final ServerConnector connector;
    private final AccessLog accessLog;

    private ApiServer(Server server, ServerConnector connector, AccessLog accessLog) {
        this.server = server;
        this.connector = connector;
        this.accessLog = accessLog;
    }

    /**
     * Starts answering on host:port (port 0: any free one). {@code tls} null means plain HTTP.
     * Access lines go to {@code log}.
     */
    public static ApiServer start(Services services, String host, int port, KeyStore tls, ServerLimits limits,
                                  PrintStream log) throws Exception {
        return start(services, host, port, tls, limits, log, FailedKeyThrottle.Rules.STANDARD);
    }

    /** As above, with other failed-key rules (tests). */
    static ApiServer start(Services services, String host, int port, KeyStore tls, ServerLimits limits,
                           PrintStream log, FailedKeyThrottle.Rules failedKeys) throws Exception {
        return start(new ApiHandler(services, failedKeys, log), host, port, tls, limits, log);
    }

    /** The server around any handler: the benchmark's reference answers a constant body through exactly this. */
    static ApiServer start(Handler handler, String host, int port, KeyStore tls, ServerLimits limits,
                           PrintStream log) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("keydesk-serve");
        pool.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.headerBytes());
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector;
        if (tls == null) {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(tls);
            ssl.setKeyStorePassword(new String(PemTls.IN_MEMORY_PASSWORD));
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);   // one certificate: a client reaching it by IP address is still answered
            http.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idle().toMillis());
        connector.addBean(new PerAddressLimit(limits.perAddress()));
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setErrorHandler(new JsonErrorHandler());
        AccessLog accessLog = new AccessLog(log);
        server.setRequestLog(accessLog);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(STOP_GRACE_MS);
        server.setStopAtShutdown(false);   // the command stops it itself, then closes the store
        try {
            server.start();
        } catch (Exception e) {
            accessLog.close();
            throw e;
        }
        return new ApiServer(server, connector, accessLog);
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops accepting, lets requests in flight finish, writes the access lines still held, then returns. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The server did not stop cleanly", e);
        } finally {
            accessLog.close();
        }
    }

    public void join() throws InterruptedException {
        server.join();
    }
}
