package io.trainingpipeline.llm;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Points the service at the testkit's fake OpenAI server with short limits. */
public class OpenAiProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeOpenAiResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("llm.model", "fake-coach"),
                Map.entry("llm.timeout", "2s"),
                Map.entry("llm.max-retries", "2"),
                Map.entry("llm.retry-delay", "100ms"),
                Map.entry("llm.retry-max-delay", "200ms"),
                Map.entry("llm.total-deadline", "15s"),
                Map.entry("llm.weekly-call-budget", "3"),
                Map.entry("llm.circuit-breaker.request-volume", "4"),
                Map.entry("llm.circuit-breaker.failure-ratio", "0.75"),
                Map.entry("llm.circuit-breaker.delay", "60s"),
                Map.entry("llm.max-reply-chars", "20000"),
                Map.entry("llm.raw-output-cap", "2000"));
    }
}
