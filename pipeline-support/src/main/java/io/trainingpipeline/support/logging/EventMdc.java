package io.trainingpipeline.support.logging;

import io.trainingpipeline.schemas.EventEnvelope;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * The correlation id on every log line that handles an event: MDC key {@value #KEY} = the
 * envelope's {@code eventId}. JSON logs carry it as {@code mdc.eventId}; the plain-text format
 * prints it after the thread. Loki: {@code {app="..."} | json | mdc_eventId="<id>"}.
 *
 * <pre>{@code
 * try (EventMdc.Scope ignored = EventMdc.put(envelope)) {
 *     handle(envelope);   // every log line here carries the event id
 * }
 * }</pre>
 *
 * When the handler publishes a follow-up event, log lines keep the id of the event being handled
 * (the follow-up's {@code causationId} links the two).
 */
public final class EventMdc {
    /** MDC key of the event id. */
    public static final String KEY = "eventId";

    private EventMdc() {}

    /** Restores the previous value on close (nested handlers keep their own id). */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Puts {@code eventId} on the MDC until the scope closes. */
    public static Scope put(String eventId) {
        Object previous = MDC.get(KEY);
        if (eventId == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, eventId);
        }
        return () -> {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        };
    }

    /** Puts the envelope's event id on the MDC until the scope closes. */
    public static Scope put(EventEnvelope<?> envelope) {
        return put(envelope == null ? null : envelope.eventId());
    }

    /** Runs {@code work} with {@code eventId} on the MDC. */
    public static <T> T with(String eventId, Supplier<T> work) {
        try (Scope ignored = put(eventId)) {
            return work.get();
        }
    }

    /** Runs {@code work} with {@code eventId} on the MDC. */
    public static void run(String eventId, Runnable work) {
        try (Scope ignored = put(eventId)) {
            work.run();
        }
    }

    /** The event id currently on the MDC, or null. */
    public static String current() {
        Object value = MDC.get(KEY);
        return value == null ? null : value.toString();
    }
}
