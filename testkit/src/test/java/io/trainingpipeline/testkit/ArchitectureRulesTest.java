package io.trainingpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.trainingpipeline.testkit.arch.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the rules bite: the sample packages break them on purpose. */
class ArchitectureRulesTest {
    private static final String BASE = "io.trainingpipeline.testkit.archsample";
    private final JavaClasses classes = new ClassFileImporter().importPackages(BASE);

    @Test
    void aJdbcImportInACorePackageFails() {
        assertThatThrownBy(() -> ArchitectureRules.check(classes, BASE, List.of("load")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyLoad")
                .hasMessageContaining("java.sql.Connection");
    }

    @Test
    void aCorePackageCallingAnEdgeFails() {
        assertThatThrownBy(() -> ArchitectureRules.check(classes, BASE, List.of("plan")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CallsEdge");
    }

    @Test
    void edgesMayUseJdbc() {
        assertThatCode(() -> ArchitectureRules.check(classes, BASE, List.of("store")))
                .doesNotThrowAnyException();
    }
}
