package io.trainingpipeline.llm.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.trainingpipeline.llm.config.LlmConfig;
import io.trainingpipeline.llm.prompt.Prompt;
import io.trainingpipeline.schemas.events.ProposalFailed;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpTimeoutException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The only way to the model: a langchain4j chat model wrapped by a SmallRye Fault Tolerance guard
 * (per-attempt timeout {@code llm.timeout}, bounded retries with exponential back-off on 429 and
 * 5xx only, an overall deadline {@code llm.total-deadline}, a circuit breaker). The guard is built
 * with the programmatic API because its limits come from {@code llm.*} durations, which annotation
 * constants cannot express. langchain4j's own retries are off so that only this guard decides.
 */
@ApplicationScoped
public class ModelGateway {
    /** Name of the circuit breaker (for maintenance and tests). */
    public static final String BREAKER = "llm-model";

    private final LlmConfig config;
    private volatile ChatModel model;
    private volatile TypedGuard<ChatResponse> guard;

    public ModelGateway(LlmConfig config) {
        this.config = config;
    }

    /**
     * Sends the prompt and returns the reply.
     *
     * @throws ModelCallException with TIMEOUT or PROVIDER_ERROR; its message never holds the key
     */
    public ModelReply complete(Prompt prompt) throws ModelCallException {
        ChatRequest request =
                ChatRequest.builder()
                        .messages(
                                SystemMessage.from(prompt.system()),
                                UserMessage.from(prompt.user()))
                        .build();
        ChatResponse response;
        try {
            response = guard().call(() -> model().chat(request));
        } catch (Exception e) {
            throw classify(e);
        }
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        String name =
                response.metadata() != null && response.metadata().modelName() != null
                        ? response.metadata().modelName()
                        : config.model();
        int in = 0;
        int out = 0;
        if (response.tokenUsage() != null) {
            in = orZero(response.tokenUsage().inputTokenCount());
            out = orZero(response.tokenUsage().outputTokenCount());
        }
        return new ModelReply(text, name, in, out);
    }

    /** Closes the breaker again (tests; an operator after fixing the provider). */
    public void resetBreaker() {
        if (guard != null) {
            CircuitBreakerMaintenance.get().reset(BREAKER);
        }
    }

    private ModelCallException classify(Exception e) {
        if (hasCause(e, TimeoutException.class)
                || hasCause(e, HttpTimeoutException.class)
                || hasCause(e, dev.langchain4j.exception.TimeoutException.class)) {
            return new ModelCallException(
                    ProposalFailed.Reason.TIMEOUT,
                    "the model did not answer within llm.timeout="
                            + config.timeout().toString().substring(2).toLowerCase(),
                    null);
        }
        if (e instanceof CircuitBreakerOpenException) {
            return new ModelCallException(
                    ProposalFailed.Reason.PROVIDER_ERROR,
                    "circuit breaker open after repeated provider failures; no call made",
                    null);
        }
        HttpException http = cause(e, HttpException.class);
        String status = http != null ? "HTTP " + http.statusCode() : e.getClass().getSimpleName();
        return new ModelCallException(
                ProposalFailed.Reason.PROVIDER_ERROR,
                "the model provider failed ("
                        + status
                        + (retriable(e) ? ") after " + config.maxRetries() + " retries" : ")"),
                null);
    }

    static boolean retriable(Throwable t) {
        if (hasCause(t, RateLimitException.class) || hasCause(t, InternalServerException.class)) {
            return true;
        }
        HttpException http = cause(t, HttpException.class);
        return http != null && (http.statusCode() == 429 || http.statusCode() >= 500);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return cause(t, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private ChatModel model() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = ChatModels.openAiCompatible(config);
                }
            }
        }
        return model;
    }

    private TypedGuard<ChatResponse> guard() {
        if (guard == null) {
            synchronized (this) {
                if (guard == null) {
                    long delay = config.retryDelay().toMillis();
                    guard =
                            TypedGuard.create(ChatResponse.class)
                                    .withDescription("llm model call")
                                    .withRetry()
                                    .maxRetries(config.maxRetries())
                                    .delay(delay, ChronoUnit.MILLIS)
                                    .jitter(Math.max(1, delay / 4), ChronoUnit.MILLIS)
                                    .maxDuration(
                                            config.totalDeadline().toMillis(), ChronoUnit.MILLIS)
                                    .whenException(ModelGateway::retriable)
                                    .withExponentialBackoff()
                                    .factor(2)
                                    .maxDelay(config.retryMaxDelay().toMillis(), ChronoUnit.MILLIS)
                                    .done()
                                    .done()
                                    .withCircuitBreaker()
                                    .name(BREAKER)
                                    .requestVolumeThreshold(config.circuitBreaker().requestVolume())
                                    .failureRatio(config.circuitBreaker().failureRatio())
                                    .delay(
                                            config.circuitBreaker().delay().toMillis(),
                                            ChronoUnit.MILLIS)
                                    .done()
                                    .withTimeout()
                                    .duration(config.timeout().toMillis(), ChronoUnit.MILLIS)
                                    .done()
                                    .build();
                }
            }
        }
        return guard;
    }
}
