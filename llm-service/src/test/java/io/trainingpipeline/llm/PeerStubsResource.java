package io.trainingpipeline.llm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trainingpipeline.testkit.openai.JsonStub;
import java.util.Map;

/**
 * Real HTTP stubs on 127.0.0.1 for the planner's plan API and analytics' query API, shared by all
 * tests of this module (tests register plans and metrics per athlete).
 */
public class PeerStubsResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "llm.planner-url", JsonStub.shared("planner").baseUrl(),
                "llm.analytics-url", JsonStub.shared("analytics").baseUrl());
    }

    @Override
    public void stop() {
        // shared for the JVM
    }
}
