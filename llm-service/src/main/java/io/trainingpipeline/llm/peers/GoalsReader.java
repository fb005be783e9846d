package io.trainingpipeline.llm.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trainingpipeline.support.config.AthletesConfig;
import io.trainingpipeline.support.config.ConfigDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The athlete's goal for the prompt, read from the same goals file the planner reads ({@code
 * athletes.<id>.goals_file}, else {@code config/athletes/<id>.yaml}); the planner exposes no goals
 * API in its contract, and reading the file at each flags event picks up revisions without a
 * restart. A relative path is tried against the working directory and the repository root (the
 * parent of {@code config/}). Missing or unreadable = the prompt says "unavailable".
 */
@ApplicationScoped
public class GoalsReader {
    private static final Logger LOG = Logger.getLogger(GoalsReader.class);
    private static final YAMLMapper YAML = new YAMLMapper();

    private final AthletesConfig athletes;

    public GoalsReader(AthletesConfig athletes) {
        this.athletes = athletes;
    }

    /** The goals file as a JSON tree, if one is found and parses. */
    public Optional<JsonNode> goal(String athleteId) {
        for (Path candidate : candidates(athleteId)) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Optional.of(YAML.readTree(candidate.toFile()));
                } catch (IOException e) {
                    LOG.warnf("goals file %s not readable: %s", candidate, e.getMessage());
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private List<Path> candidates(String athleteId) {
        List<Path> paths = new ArrayList<>();
        Optional<Path> configDir = ConfigDirectory.locate();
        Optional.ofNullable(athletes.byId().get(athleteId))
                .flatMap(AthletesConfig.Athlete::goalsFile)
                .map(Path::of)
                .ifPresent(
                        p -> {
                            paths.add(p);
                            if (!p.isAbsolute()) {
                                configDir
                                        .map(d -> d.toAbsolutePath().getParent())
                                        .ifPresent(root -> paths.add(root.resolve(p)));
                            }
                        });
        if (athleteId.matches("[A-Za-z0-9_.-]+") && !athleteId.contains("..")) {
            configDir.ifPresent(d -> paths.add(d.resolve("athletes").resolve(athleteId + ".yaml")));
        }
        return paths;
    }
}
