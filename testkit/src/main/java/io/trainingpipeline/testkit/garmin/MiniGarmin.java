package io.trainingpipeline.testkit.garmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.trainingpipeline.testkit.garmin.MiniGarminApi.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Mini-Garmin: a real HTTP server on 127.0.0.1 emulating Garmin Connect's API ({@code connectapi}),
 * DI OAuth2 token endpoint ({@code diauth}) and a best-effort sign-in ({@code sso}) on one port,
 * over a generated {@link MiniGarminData} set, with request counting per path and {@link
 * MiniGarminFaults fault injection}. Point all three base URLs at {@link #baseUrl()}.
 *
 * <pre>{@code
 * try (MiniGarmin garmin = MiniGarmin.start(42, LocalDate.now(), 120, ZoneId.of("Europe/Berlin"))) {
 *     Tokens t = garmin.auth().issue();          // write t.toPythonJson() as garmin_tokens.json
 *     garmin.faults().rateLimitEvery(5, 1);
 *     ... garmin.requestCount("/hrv-service/") ...
 * }
 * }</pre>
 */
public final class MiniGarmin implements AutoCloseable {
    /** Path of the DI OAuth2 token endpoint (refresh and service-ticket grants). */
    public static final String TOKEN_PATH = "/di-oauth2-service/oauth/token";

    /** Path of the simplified sign-in (form: username, password, optional mfaCode). */
    public static final String SIGNIN_PATH = "/sso/signin";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final MiniGarminData data;
    private final MiniGarminFaults faults = new MiniGarminFaults();
    private final MiniGarminAuth auth = new MiniGarminAuth();
    private final MiniGarminApi api;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger apiRequests = new AtomicInteger();

    private MiniGarmin(MiniGarminData data, int port) throws IOException {
        this.data = data;
        this.api = new MiniGarminApi(data, faults);
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts on a free loopback port over {@code data}. */
    public static MiniGarmin start(MiniGarminData data) {
        return start(data, 0);
    }

    /** Starts on {@code port} (0 = any free port) over {@code data}. */
    public static MiniGarmin start(MiniGarminData data, int port) {
        try {
            return new MiniGarmin(data, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Mini-Garmin could not start", e);
        }
    }

    /** Starts over a generated data set of {@code days} days ending {@code lastDay}. */
    public static MiniGarmin start(long seed, LocalDate lastDay, int days, ZoneId zone) {
        return start(MiniGarminData.generate(seed, lastDay, days, zone));
    }

    /** {@code http://127.0.0.1:<port>}: the API, auth and sign-in base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The data set served. */
    public MiniGarminData data() {
        return data;
    }

    /** Fault injection switches. */
    public MiniGarminFaults faults() {
        return faults;
    }

    /** Tokens, accounts and expiry. */
    public MiniGarminAuth auth() {
        return auth;
    }

    /** The content of downloaded activity FIT files (zipped on the way out). */
    public void fitBytes(Supplier<byte[]> supplier) {
        api.fitBytes(supplier);
    }

    /** Stored workouts by id (JSON as created). */
    public Map<Long, com.fasterxml.jackson.databind.node.ObjectNode> workouts() {
        return api.workouts();
    }

    /** Scheduled workouts by schedule id. */
    public Map<Long, com.fasterxml.jackson.databind.node.ObjectNode> schedules() {
        return api.schedules();
    }

    /** Requests received for paths starting with {@code pathPrefix} ("/" = all). */
    public int requestCount(String pathPrefix) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    /** API requests (everything but sign-in and token endpoints). */
    public int apiRequestCount() {
        return apiRequests.get();
    }

    /** Request counts by path (sorted copy). */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Sets every counter to zero. */
    public void resetCounts() {
        counts.clear();
        apiRequests.set(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> query = params(exchange.getRequestURI().getRawQuery());
            String method = exchange.getRequestMethod();
            if (path.equals(TOKEN_PATH) && method.equals("POST")) {
                token(exchange, params(new String(body, StandardCharsets.UTF_8)));
            } else if (path.equals(SIGNIN_PATH) && method.equals("POST")) {
                signIn(exchange, params(new String(body, StandardCharsets.UTF_8)));
            } else {
                apiCall(exchange, method, path, query, body);
            }
        } catch (RuntimeException e) {
            send(
                    exchange,
                    500,
                    "{\"message\":\"mini-garmin: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    private void apiCall(
            HttpExchange exchange, String method, String path, Map<String, String> q, byte[] body)
            throws IOException {
        int n = apiRequests.incrementAndGet();
        if (every(faults.slowEvery, n)) {
            faults.count(MiniGarminFaults.Kind.SLOW);
            pause(faults.slowMillis);
        }
        if (every(faults.expireTokenEvery, n)) {
            faults.count(MiniGarminFaults.Kind.EXPIRED_TOKEN);
            auth.expireAccessTokens();
        }
        if (every(faults.rateLimitEvery, n)) {
            faults.count(MiniGarminFaults.Kind.RATE_LIMIT);
            exchange.getResponseHeaders()
                    .add("Retry-After", String.valueOf(faults.retryAfterSeconds));
            send(exchange, 429, "{\"message\":\"Too Many Requests\"}");
            return;
        }
        if (every(faults.serverErrorEvery, n)) {
            faults.count(MiniGarminFaults.Kind.SERVER_ERROR);
            send(exchange, 503, "<html>Service Unavailable</html>");
            return;
        }
        if (!auth.validBearer(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"message\":\"Unauthorized\"}");
            return;
        }
        Reply reply = api.handle(method, path, q, body);
        if (!method.equals("GET")
                && path.startsWith("/workout-service/")
                && reply.status() / 100 == 2
                && faults.failThisWrite()) {
            if (faults.dropAfterWrite) {
                return; // closing the exchange unanswered drops the connection
            }
            send(exchange, 503, "<html>Service Unavailable</html>");
            return;
        }
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] out =
                reply.body() instanceof byte[] bytes ? bytes : json.writeValueAsBytes(reply.body());
        if (every(faults.malformedEvery, n) && "application/json".equals(reply.contentType())) {
            faults.count(MiniGarminFaults.Kind.MALFORMED);
            out = truncate(out);
        }
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), out.length);
        exchange.getResponseBody().write(out);
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        MiniGarminAuth.Tokens tokens = null;
        if (!faults.refreshFails && "refresh_token".equals(form.get("grant_type"))) {
            tokens = auth.refresh(form.get("refresh_token"));
        } else if ("service_ticket".equals(form.get("grant_type"))) {
            tokens = auth.exchange(form.get("service_ticket"));
        }
        if (tokens == null) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("refresh_token", tokens.refreshToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.exp().getEpochSecond() - System.currentTimeMillis() / 1000);
        body.put("client_id", tokens.clientId());
        send(exchange, 200, json.writeValueAsString(body));
    }

    private void signIn(HttpExchange exchange, Map<String, String> form) throws IOException {
        String result =
                auth.signIn(form.get("username"), form.get("password"), form.get("mfaCode"));
        if (result == null) {
            send(exchange, 401, "{\"status\":\"INVALID_CREDENTIALS\"}");
        } else if (result.equals("mfa")) {
            send(exchange, 200, "{\"status\":\"MFA_REQUIRED\"}");
        } else {
            send(
                    exchange,
                    200,
                    "{\"status\":\"SUCCESS\",\"serviceTicket\":\"" + result.substring(7) + "\"}");
        }
    }

    private static boolean every(int n, int count) {
        return n > 0 && count % n == 0;
    }

    private static byte[] truncate(byte[] out) {
        byte[] cut = new byte[Math.max(1, out.length / 2)];
        System.arraycopy(out, 0, cut, 0, cut.length);
        cut[cut.length - 1] = '{'; // never accidentally valid JSON (e.g. "[]" cut to "[")
        return cut;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the injected fault itself: a slow server, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(
                    URLDecoder.decode(k, StandardCharsets.UTF_8),
                    URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
