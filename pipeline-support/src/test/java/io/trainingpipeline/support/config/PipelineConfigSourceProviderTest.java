package io.trainingpipeline.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigSourceProviderTest {
    private static final Path REPO_CONFIG = Path.of("..", "config");

    @Test
    void theCommittedDefaultsLoadWithTheSeedValues() {
        List<ConfigSource> sources = PipelineConfigSourceProvider.load(REPO_CONFIG);

        ConfigSource defaults = sources.get(0);
        assertThat(defaults.getValue("ramp_percentage_max")).isEqualTo("0.10");
        assertThat(defaults.getValue("ctl_atl_ratio_max")).isEqualTo("1.3");
        assertThat(defaults.getValue("hrv_drop_zscore")).isEqualTo("-1.0");
        assertThat(defaults.getValue("retry.max_attempts")).isEqualTo("5");
        assertThat(defaults.getValue("adapt_weekly_cron")).isEqualTo("0 17 * * SUN");
        assertThat(defaults.getOrdinal()).isEqualTo(PipelineConfigSourceProvider.DEFAULT_ORDINAL);
    }

    @Test
    void staticOverlaysAreValidToo(@TempDir Path dir) throws IOException {
        for (String env : List.of("staging", "prod")) {
            Path overlay = REPO_CONFIG.resolve(env + ".yaml");
            assertThat(overlay).exists();
            Files.copy(
                    REPO_CONFIG.resolve("default.yaml"),
                    dir.resolve("default.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(overlay, dir.resolve(env + ".yaml"));
            System.setProperty("pipeline.env", env);
            try {
                List<ConfigSource> sources = PipelineConfigSourceProvider.load(dir);
                assertThat(sources).hasSize(2);
                assertThat(sources.get(1).getOrdinal()).isGreaterThan(sources.get(0).getOrdinal());
            } finally {
                System.clearProperty("pipeline.env");
            }
        }
    }

    @Test
    void anInvalidValueNamesFileAndKey(@TempDir Path dir) throws IOException {
        String yaml =
                Files.readString(REPO_CONFIG.resolve("default.yaml"))
                        .replace("ramp_percentage_max: 0.10", "ramp_percentage_max: fast");
        Files.writeString(dir.resolve("default.yaml"), yaml);

        assertThatThrownBy(() -> PipelineConfigSourceProvider.load(dir))
                .hasMessageContaining("default.yaml")
                .hasMessageContaining("'ramp_percentage_max'")
                .hasMessageContaining("fast");
    }

    @Test
    void aMissingKeyNamesFileAndKey(@TempDir Path dir) throws IOException {
        String yaml =
                Files.readString(REPO_CONFIG.resolve("default.yaml"))
                        .replace("sleep_min_hours: 6", "");
        Files.writeString(dir.resolve("default.yaml"), yaml);

        assertThatThrownBy(() -> PipelineConfigSourceProvider.load(dir))
                .hasMessageContaining("default.yaml")
                .hasMessageContaining("'sleep_min_hours' is missing");
    }

    @Test
    void brokenYamlNamesTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("default.yaml"), "retry: {max_attempts: 5\nbase: [");

        assertThatThrownBy(() -> PipelineConfigSourceProvider.load(dir))
                .hasMessageContaining("default.yaml");
    }

    @Test
    void anOverlayWithABadValueIsRejected(@TempDir Path dir) throws IOException {
        Files.copy(REPO_CONFIG.resolve("default.yaml"), dir.resolve("default.yaml"));
        Files.writeString(dir.resolve("staging.yaml"), "retry: {max_attempts: 0}\n");
        System.setProperty("pipeline.env", "staging");
        try {
            assertThatThrownBy(() -> PipelineConfigSourceProvider.load(dir))
                    .hasMessageContaining("staging.yaml")
                    .hasMessageContaining("'retry.max_attempts'");
        } finally {
            System.clearProperty("pipeline.env");
        }
    }
}
