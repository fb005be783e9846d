package io.trainingpipeline.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventMdcTest {
    @Test
    void scopeSetsAndRestoresTheEventId() {
        assertThat(EventMdc.current()).isNull();
        try (EventMdc.Scope outer = EventMdc.put("evt-outer")) {
            assertThat(EventMdc.current()).isEqualTo("evt-outer");
            String inner = EventMdc.with("evt-inner", EventMdc::current);
            assertThat(inner).isEqualTo("evt-inner");
            assertThat(EventMdc.current()).isEqualTo("evt-outer");
        }
        assertThat(EventMdc.current()).isNull();
    }

    @Test
    void idIsRemovedEvenWhenTheHandlerThrows() {
        try {
            EventMdc.run(
                    "evt-fails",
                    () -> {
                        throw new IllegalStateException("boom");
                    });
        } catch (IllegalStateException expected) {
            // the handler's failure propagates
        }
        assertThat(EventMdc.current()).isNull();
    }
}
