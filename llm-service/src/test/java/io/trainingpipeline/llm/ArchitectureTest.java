package io.trainingpipeline.llm;

import io.trainingpipeline.testkit.arch.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void corePackagesArePlainJava() {
        ArchitectureRules.check("io.trainingpipeline.llm", List.of("patch", "coach", "prompt"));
    }
}
