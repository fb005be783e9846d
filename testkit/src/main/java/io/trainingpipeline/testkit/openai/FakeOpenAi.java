package io.trainingpipeline.testkit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A fake OpenAI-compatible server on 127.0.0.1 speaking {@code POST /v1/chat/completions} and
 * {@code GET /v1/models}. Replies are scripted per key: a request whose body contains the key (an
 * athlete id, say) takes the next reply queued for it; the last reply of a queue repeats. Requests
 * without a matching script get {@link #DEFAULT_CONTENT}. Every request is recorded (body, system
 * and user prompt, matched key) so tests can count calls and inspect prompts. A wrong or missing
 * {@code Authorization: Bearer <key>} gets 401, like the real service.
 */
public final class FakeOpenAi implements AutoCloseable {
    /** The API key the shared instance expects. */
    public static final String API_KEY = "sk-test-FAKE-0123456789-do-not-log";

    /** Content answered when no script matches: an empty, valid proposal. */
    public static final String DEFAULT_CONTENT = "{\"patch\": [], \"rationale\": []}";

    /** One recorded chat request. */
    public record Recorded(String key, String body, String system, String user, JsonNode json) {}

    private static FakeOpenAi shared;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final String apiKey;
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private FakeOpenAi(String apiKey) throws IOException {
        this.apiKey = apiKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(daemon()));
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/v1/models", this::models);
        server.start();
    }

    /** Starts a server expecting {@code apiKey}; the caller closes it. */
    public static FakeOpenAi start(String apiKey) {
        try {
            return new FakeOpenAi(apiKey);
        } catch (IOException e) {
            throw new IllegalStateException("fake OpenAI server did not start", e);
        }
    }

    /** The JVM-wide instance (expects {@link #API_KEY}), started on first use. */
    public static synchronized FakeOpenAi shared() {
        if (shared == null) {
            shared = start(API_KEY);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Base URL including {@code /v1}, as OpenAI clients take it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies for requests whose body contains {@code key}. */
    public void script(String key, Reply... replies) {
        scripts.put(key, new ArrayDeque<>(List.of(replies)));
    }

    /** Every chat request so far. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Chat requests whose body contained {@code key}. */
    public List<Recorded> requestsFor(String key) {
        return requests.stream().filter(r -> r.body().contains(key)).toList();
    }

    /** Number of chat requests whose body contained {@code key}. */
    public int count(String key) {
        return requestsFor(key).size();
    }

    private void chat(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!("Bearer " + apiKey).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"error\":{\"message\":\"invalid api key\"}}");
                return;
            }
            JsonNode json = mapper.readTree(body);
            String key = scripts.keySet().stream().filter(body::contains).findFirst().orElse(null);
            requests.add(
                    new Recorded(key, body, message(json, "system"), message(json, "user"), json));
            Reply reply = next(key);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.rawBody() != null) {
                send(ex, reply.status(), reply.rawBody());
                return;
            }
            send(ex, reply.status(), completion(json, reply));
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        }
    }

    private Reply next(String key) {
        Deque<Reply> queue = key == null ? null : scripts.get(key);
        if (queue == null || queue.isEmpty()) {
            return Reply.content(DEFAULT_CONTENT);
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
        }
    }

    private String completion(JsonNode request, Reply reply) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", "chatcmpl-fake-" + requests.size());
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", request.path("model").asText("fake-model"));
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", reply.content());
        choice.put("finish_reason", reply.finishReason());
        ObjectNode usage = root.putObject("usage");
        int prompt = request.toString().length() / 4;
        int completion = reply.content() == null ? 0 : reply.content().length() / 4;
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return mapper.writeValueAsString(root);
    }

    private void models(HttpExchange ex) throws IOException {
        try (ex) {
            send(
                    ex,
                    200,
                    "{\"object\":\"list\",\"data\":[{\"id\":\"fake-coach\",\"object\":\"model\","
                            + "\"owned_by\":\"testkit\"}]}");
        }
    }

    private static String message(JsonNode request, String role) {
        StringBuilder out = new StringBuilder();
        for (JsonNode m : request.path("messages")) {
            if (role.equals(m.path("role").asText())) {
                JsonNode content = m.path("content");
                out.append(content.isTextual() ? content.asText() : content.toString());
            }
        }
        return out.toString();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fake-openai");
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
