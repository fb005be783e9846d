package io.trainingpipeline.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed default.yaml maps onto the typed settings every service injects. */
class ConfigMappingTest {
    private final SmallRyeConfig config =
            new SmallRyeConfigBuilder()
                    .withSources(PipelineConfigSourceProvider.load(Path.of("..", "config")))
                    .withMapping(PipelineConfig.class)
                    .withMapping(AthletesConfig.class)
                    .build();

    @Test
    void seedSettingsMap() {
        PipelineConfig pipeline = config.getConfigMapping(PipelineConfig.class);

        assertThat(pipeline.rampPercentageMax()).isEqualTo(0.10);
        assertThat(pipeline.ctlAtlRatioMax()).isEqualTo(1.3);
        assertThat(pipeline.retry().maxAttempts()).isEqualTo(5);
        assertThat(pipeline.retry().jitter()).isTrue();
        assertThat(pipeline.adaptWeeklyCron()).isEqualTo("0 17 * * SUN");
    }

    @Test
    void athletesMapById() {
        AthletesConfig athletes = config.getConfigMapping(AthletesConfig.class);

        AthletesConfig.Athlete demo = athletes.byId().get("demo");
        assertThat(demo.timezone()).isEqualTo("Europe/Berlin");
        assertThat(demo.hrMax()).hasValue(190);
        assertThat(demo.goalsFile()).hasValue("config/athlete.example.yaml");
        assertThat(demo.garminTokenFile()).isEmpty();
    }
}
