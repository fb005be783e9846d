package io.trainingpipeline.ingest;

import io.trainingpipeline.testkit.arch.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void corePackagesArePlainJava() {
        ArchitectureRules.check("io.trainingpipeline.ingest", List.of("fit", "sync", "garmindb"));
    }
}
