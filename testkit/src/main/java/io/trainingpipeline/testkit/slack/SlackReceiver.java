package io.trainingpipeline.testkit.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Slack incoming webhook on 127.0.0.1 that records every POST. Answers 200 "ok" unless told
 * otherwise with {@link #respondNext}: scripted statuses (500, 429 with Retry-After, 400) are
 * served in order, then 200 again. {@link #webhookUrl()} looks like a real webhook path so
 * redaction can be tested on it.
 *
 * <pre>{@code
 * try (SlackReceiver slack = SlackReceiver.start()) {
 *     slack.respondNext(500, 500);
 *     ... SLACK_WEBHOOK_URL = slack.webhookUrl() ...
 *     assertThat(slack.texts()).containsExactly(...);
 * }
 * }</pre>
 */
public final class SlackReceiver implements AutoCloseable {
    /** The path part of {@link #webhookUrl()}. */
    public static final String PATH = "/services/T0TEST000/B0TEST000/testWebhookSecret123";

    /** One recorded request. */
    public record Post(String path, String contentType, String body) {
        /** The {@code text} field of the JSON body, unescaped ({@code null} when absent). */
        public String text() {
            int start = body.indexOf("\"text\"");
            if (start < 0) {
                return null;
            }
            int quote = body.indexOf('"', body.indexOf(':', start) + 1);
            StringBuilder out = new StringBuilder();
            for (int i = quote + 1; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\' && i + 1 < body.length()) {
                    char n = body.charAt(++i);
                    switch (n) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                        default -> out.append(n);
                    }
                } else if (c == '"') {
                    break;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }

    private record Scripted(int status, Map<String, String> headers) {}

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();

    private SlackReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static SlackReceiver start() {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SlackReceiver receiver = new SlackReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Slack receiver", e);
        }
    }

    /** The webhook URL to configure ({@code slack.webhook-url}). */
    public String webhookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The next requests get these statuses (in order), after that 200 again. */
    public SlackReceiver respondNext(int... statuses) {
        for (int status : statuses) {
            script.add(new Scripted(status, Map.of()));
        }
        return this;
    }

    /** The next request gets 429 with {@code Retry-After: seconds}. */
    public SlackReceiver rateLimitNext(int seconds) {
        script.add(new Scripted(429, Map.of("Retry-After", String.valueOf(seconds))));
        return this;
    }

    /** Every request received so far (answered with any status). */
    public List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The message texts of every request received so far. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        posts.forEach(p -> texts.add(p.text()));
        return texts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            posts.add(
                    new Post(
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            body));
            Scripted next = script.poll();
            int status = next == null ? 200 : next.status();
            if (next != null) {
                next.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            }
            byte[] answer =
                    (status == 200 ? "ok" : status == 429 ? "rate_limited" : "error")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
