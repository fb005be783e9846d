package io.trainingpipeline.planner;

import io.trainingpipeline.testkit.arch.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void corePackagesArePlainJava() {
        ArchitectureRules.check(
                "io.trainingpipeline.planner",
                List.of("plan", "guardrail", "goal", "render", "patch"));
    }
}
