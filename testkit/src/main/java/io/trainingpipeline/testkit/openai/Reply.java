package io.trainingpipeline.testkit.openai;

import java.time.Duration;

/**
 * One scripted answer of the {@link FakeOpenAi} server.
 *
 * @param status HTTP status
 * @param content the assistant message content (for 200), or null
 * @param rawBody a complete body to send instead of a chat completion (errors), or null
 * @param delay time to wait before answering
 * @param finishReason the completion's finish_reason
 */
public record Reply(
        int status, String content, String rawBody, Duration delay, String finishReason) {

    /** A 200 completion whose content is {@code content}. */
    public static Reply content(String content) {
        return new Reply(200, content, null, Duration.ZERO, "stop");
    }

    /** A 200 completion cut off by the token limit (finish_reason "length"). */
    public static Reply truncated(String content) {
        return new Reply(200, content, null, Duration.ZERO, "length");
    }

    /** An error status with an OpenAI-style error body. */
    public static Reply status(int status, String message) {
        String body =
                "{\"error\":{\"message\":\""
                        + message.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\",\"type\":\"server_error\"}}";
        return new Reply(status, null, body, Duration.ZERO, null);
    }

    /** The same reply after {@code delay}. */
    public Reply after(Duration delay) {
        return new Reply(status, content, rawBody, delay, finishReason);
    }
}
