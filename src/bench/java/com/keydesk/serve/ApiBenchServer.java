package com.keydesk.serve;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.service.FailedKeyThrottle;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.store.Database;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * {@code keydesk serve} as the HTTP API benchmark runs it ({@code bench/process/ApiFigures}),
 * started in the installed app's own runtime with its launcher's JVM options: the store opened
 * and the services wired as the command wires them (shipped Argon2id parameters), the same
 * {@link ApiServer} and {@link ApiHandler}, its access log on stdout, malloc's arenas capped as
 * {@code ServeMain} caps them. One thing more: the
 * reference, {@value #CONSTANT_PATH}, where the same server answers a constant JSON body (the
 * bytes of the find-current answer, made once) with no work behind it.
 * <p>
 * Arguments: STORE_FOLDER ADMIN PASSWORD. Makes one site key for the load generator and prints
 * {@code ready PORT KEY} on stderr (a throwaway key of the benchmark's own copy of a demo store;
 * a pipe between the benchmark's processes, never a file); stops when stdin ends.
 */
public final class ApiBenchServer {
    static final String CONSTANT_PATH = "/bench/constant-json";

    private ApiBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        com.keydesk.app.MallocArenas.cap(2);   // as bin/keydesk-serve (ServeMain) does first
        try (Database db = Database.open(Path.of(args[0]))) {
            Services services = Services.over(db, Argon2Params.SHIPPED, Clock.systemUTC(), new SecureRandom());
            Session admin = services.auth().signIn(args[1], args[2].toCharArray());
            IssuedKey client = services.keys().create(admin, NewKey.site("API benchmark client", null, null));
            byte[] constant = ApiJson.bytes(KeyJson.of(client.key()));
            PrintStream log = System.out;
            ApiHandler api = new ApiHandler(services, FailedKeyThrottle.Rules.STANDARD, log);
            try (ApiServer server = ApiServer.start(new ConstantBeside(api, constant), "127.0.0.1", 0, null,
                    ServerLimits.STANDARD, log)) {
                System.err.println("ready " + server.port() + " " + client.secret().reveal());
                System.err.flush();
                while (System.in.read() >= 0) {
                    // runs until the benchmark closes stdin
                }
            }
        }
    }

    /** The reference path answered with constant bytes, as ApiHandler writes an answer; every other path goes to the API. */
    private static final class ConstantBeside extends Handler.Wrapper {
        private final byte[] body;

        ConstantBeside(Handler api, byte[] body) {
            super(api);
            this.body = body;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!CONSTANT_PATH.equals(request.getHttpURI().getPath())) {
                return super.handle(request, response, callback);
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
