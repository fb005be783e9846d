package io.trainingpipeline.llm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trainingpipeline.testkit.openai.FakeOpenAi;
import java.util.Map;

/**
 * Starts the testkit's fake OpenAI server. A test resource rather than the profile starts it so
 * that it lives in the same class loader as the tests that script it.
 */
public class FakeOpenAiResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "llm.base-url", FakeOpenAi.shared().baseUrl(), "llm.api-key", FakeOpenAi.API_KEY);
    }

    @Override
    public void stop() {
        // shared for the JVM
    }
}
