package io.trainingpipeline.analytics;

import io.trainingpipeline.testkit.arch.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void corePackagesArePlainJava() {
        ArchitectureRules.check(
                "io.trainingpipeline.analytics", List.of("load", "hrv", "flag", "sleep", "day"));
    }
}
