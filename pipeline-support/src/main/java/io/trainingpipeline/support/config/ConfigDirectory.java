package io.trainingpipeline.support.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code config/} directory: {@code PIPELINE_CONFIG_DIR} (environment) or {@code
 * pipeline.config-dir} (system property) when set, otherwise {@code ./config} (running from the
 * repository root) or {@code ../config} (running a module's tests).
 */
public final class ConfigDirectory {
    /** Environment variable naming the config directory. */
    public static final String ENV = "PIPELINE_CONFIG_DIR";

    private ConfigDirectory() {}

    /** The directory, or empty when none of the candidates holds a {@code default.yaml}. */
    public static Optional<Path> locate() {
        String explicit = System.getProperty("pipeline.config-dir", System.getenv(ENV));
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit);
            if (!Files.isRegularFile(dir.resolve("default.yaml"))) {
                throw new IllegalStateException(
                        ENV + "=" + explicit + " does not contain default.yaml");
            }
            return Optional.of(dir);
        }
        return List.of(Path.of("config"), Path.of("..", "config")).stream()
                .filter(dir -> Files.isRegularFile(dir.resolve("default.yaml")))
                .findFirst();
    }
}
