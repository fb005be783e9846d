package io.trainingpipeline.support.config;

import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Makes {@code config/default.yaml} and {@code config/<PIPELINE_ENV>.yaml} (staging, prod) config
 * sources of every service. Ordinals sit above a service's own {@code application.properties} (250)
 * and below {@code .env} and environment variables (295, 300), so an operator can override any key
 * without editing files. A file that cannot be parsed, a required key missing from {@code
 * default.yaml}, or a value outside its range stops start-up with the file and the key.
 */
public class PipelineConfigSourceProvider implements ConfigSourceProvider {
    /** Environment variable choosing the overlay file (staging, prod). */
    public static final String ENV_VAR = "PIPELINE_ENV";

    static final int DEFAULT_ORDINAL = 260;
    static final int OVERLAY_ORDINAL = 270;

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        return ConfigDirectory.locate().map(PipelineConfigSourceProvider::load).orElse(List.of());
    }

    /** Loads default.yaml and the overlay named by {@code PIPELINE_ENV} from {@code dir}. */
    static List<ConfigSource> load(Path dir) {
        List<ConfigSource> sources = new ArrayList<>();
        YamlConfigSource defaults = read(dir.resolve("default.yaml"), DEFAULT_ORDINAL);
        List<String> problems = new ArrayList<>();
        for (String key : SettingsCheck.requiredKeys()) {
            if (defaults.getValue(key) == null) {
                problems.add(
                        dir.resolve("default.yaml") + ": required key '" + key + "' is missing");
            }
        }
        problems.addAll(
                SettingsCheck.problems(dir.resolve("default.yaml"), defaults.getProperties()));
        sources.add(defaults);
        String env = System.getProperty("pipeline.env", System.getenv(ENV_VAR));
        if (env != null && !env.isBlank()) {
            Path overlay = dir.resolve(env.trim() + ".yaml");
            if (!Files.isRegularFile(overlay)) {
                problems.add(ENV_VAR + "=" + env + " but " + overlay + " does not exist");
            } else {
                YamlConfigSource source = read(overlay, OVERLAY_ORDINAL);
                problems.addAll(SettingsCheck.problems(overlay, source.getProperties()));
                sources.add(source);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "invalid configuration: " + String.join("; ", problems));
        }
        return sources;
    }

    private static YamlConfigSource read(Path file, int ordinal) {
        try {
            return new YamlConfigSource(file.toUri().toURL(), ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": not valid YAML: " + e.getMessage(), e);
        }
    }
}
