package io.trainingpipeline.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rules every service obeys, checked with ArchUnit from each service's tests: core
 * feature packages are plain Java (no Quarkus, CDI, Kafka, JDBC, HTTP or messaging types), and edge
 * layers are not reached from the core.
 */
public final class ArchitectureRules {
    /** Package names of edge layers (adapters); everything else under a service base is core. */
    public static final List<String> EDGE_PACKAGES =
            List.of(
                    "messaging",
                    "garmin",
                    "store",
                    "rest",
                    "config",
                    "jobs",
                    "health",
                    "metrics",
                    "notify",
                    "web",
                    "llm");

    private static final String[] FORBIDDEN_IN_CORE = {
        "io.quarkus..",
        "jakarta.enterprise..",
        "jakarta.inject..",
        "jakarta.ws.rs..",
        "org.eclipse.microprofile..",
        "io.smallrye..",
        "org.apache.kafka..",
        "java.sql..",
        "javax.sql..",
        "org.duckdb..",
        "io.vertx..",
        "java.net.http.."
    };

    private ArchitectureRules() {}

    /** Imports the production classes under {@code basePackage}. */
    public static JavaClasses importMain(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /**
     * Core packages ({@code basePackage.<feature>} where feature is none of {@link #EDGE_PACKAGES},
     * listed explicitly by the caller) use no framework, broker, database or HTTP types.
     */
    public static ArchRule corePackagesArePlainJava(String basePackage, List<String> corePackages) {
        String[] patterns =
                corePackages.stream().map(p -> basePackage + "." + p + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAnyPackage(patterns)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FORBIDDEN_IN_CORE)
                .because("core packages are plain Java, unit-tested without Quarkus (see README)");
    }

    /** Core packages never call into the service's edge layers. */
    public static ArchRule coreDoesNotUseEdges(String basePackage, List<String> corePackages) {
        String[] core =
                corePackages.stream().map(p -> basePackage + "." + p + "..").toArray(String[]::new);
        String[] edges =
                EDGE_PACKAGES.stream()
                        .map(p -> basePackage + "." + p + "..")
                        .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAnyPackage(core)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(edges)
                .because("dependencies point from edges to the core, never back");
    }

    /** Checks both rules; throws {@link AssertionError} listing every violation. */
    public static void check(String basePackage, List<String> corePackages) {
        check(importMain(basePackage), basePackage, corePackages);
    }

    /** Checks both rules on already imported classes. */
    public static void check(JavaClasses classes, String basePackage, List<String> corePackages) {
        corePackagesArePlainJava(basePackage, corePackages).allowEmptyShould(true).check(classes);
        coreDoesNotUseEdges(basePackage, corePackages).allowEmptyShould(true).check(classes);
    }
}
