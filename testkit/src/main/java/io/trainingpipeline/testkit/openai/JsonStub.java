package io.trainingpipeline.testkit.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 answering GETs with registered JSON: the planner's plan API and
 * analytics' query API as the llm-service sees them. A request is answered by the longest
 * registered prefix of its path and query; anything else gets 404. Requests are recorded.
 */
public final class JsonStub implements AutoCloseable {
    private record Route(int status, String body) {}

    private static final Map<String, JsonStub> SHARED = new ConcurrentHashMap<>();

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private JsonStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "json-stub");
                            t.setDaemon(true);
                            return t;
                        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The JVM-wide stub called {@code name} (e.g. "planner", "analytics"). */
    public static JsonStub shared(String name) {
        return SHARED.computeIfAbsent(
                name,
                n -> {
                    try {
                        return new JsonStub();
                    } catch (IOException e) {
                        throw new IllegalStateException("stub " + n + " did not start", e);
                    }
                });
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers GETs whose path and query start with {@code prefix}. */
    public void respond(String prefix, int status, String body) {
        routes.put(prefix, new Route(status, body));
    }

    /** Recorded request paths with queries. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String target = ex.getRequestURI().toString();
            requests.add(target);
            Route route =
                    routes.entrySet().stream()
                            .filter(e -> target.startsWith(e.getKey()))
                            .max(Map.Entry.comparingByKey((a, b) -> a.length() - b.length()))
                            .map(Map.Entry::getValue)
                            .orElse(new Route(404, "{\"error\":\"not found\"}"));
            byte[] bytes = route.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(route.status(), bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
