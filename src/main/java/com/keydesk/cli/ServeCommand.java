package com.keydesk.cli;

import com.keydesk.serve.ApiServer;
import com.keydesk.serve.Listen;
import com.keydesk.serve.ServerLimits;
import com.keydesk.serve.TlsFiles;
import com.keydesk.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code keydesk serve}: the Files.com-compatible HTTP API (docs/api.md) over the store, until
 * SIGTERM or Ctrl-C; then requests in flight finish and the store closes before the process ends.
 * On the local store the server holds the store as the desktop app does.
 */
@Command(name = "serve", description = "The Files.com-compatible HTTP API (default 127.0.0.1:8443); "
        + "a non-loopback address needs TLS or --insecure-http.")
final class ServeCommand implements CliCommand {
    static final String USAGE = "serve [--listen HOST:PORT] [--tls-cert PEM --tls-key PEM] [--insecure-http]";

    @Option(names = "--listen", paramLabel = "HOST:PORT")
    String listenAt;
    @Option(names = "--tls-cert", paramLabel = "PEM")
    String tlsCert;
    @Option(names = "--tls-key", paramLabel = "PEM")
    String tlsKey;
    @Option(names = "--insecure-http", description = "Plain HTTP on a non-loopback address (a proxy in front adds TLS).")
    boolean insecureHttp;

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(Context ctx) throws Exception {
        Listen listen = Listen.parse(listenAt != null ? listenAt : Listen.DEFAULT);
        if ((tlsCert != null) != (tlsKey != null)) {
            throw new UsageException("Give --tls-cert and --tls-key together.");
        }
        KeyStore tls = tlsCert != null ? TlsFiles.keyStore(Path.of(tlsCert), Path.of(tlsKey)) : null;
        if (tls == null && !listen.isLoopback()) {
            if (!insecureHttp) {
                throw new UsageException(listen + " is reachable from other machines: give --tls-cert and --tls-key,"
                        + " or --insecure-http if something in front of KeyDesk (a proxy on this machine) adds TLS.");
            }
            ctx.err.println("keydesk: warning: serving plain HTTP on " + listen + ": API keys cross the network"
                    + " unencrypted unless a proxy in front adds TLS.");
        }
        Services services = ctx.services();
        CountDownLatch storeClosed = new CountDownLatch(1);
        ApiServer server = ApiServer.start(services, listen.host(), listen.port(), tls, ServerLimits.STANDARD, ctx.out);
        Thread stopper = new Thread(() -> {
            server.close();   // in-flight requests finish first
            try {
                storeClosed.await(30, TimeUnit.SECONDS);   // the JVM ends when this hook returns: let the store close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "keydesk-serve-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        ctx.err.println("KeyDesk serves " + (tls == null ? "http" : "https") + "://" + listen.withPort(server.port())
                + "/api/rest/v1 on the store " + ctx.where() + ". Ctrl-C or SIGTERM stops it.");
        try {
            server.join();
        } finally {
            ctx.closeStore();
            ctx.err.println("KeyDesk server stopped; the store is closed.");
            ctx.err.flush();
            storeClosed.countDown();
        }
        return ExitCode.OK;
    }
}
