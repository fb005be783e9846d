package io.trainingpipeline.planner.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.planner.config.PlannerConfig;
import io.trainingpipeline.planner.goal.Goals;
import io.trainingpipeline.planner.goal.GoalsException;
import io.trainingpipeline.planner.goal.GoalsParser;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.support.config.AthletesConfig;
import io.trainingpipeline.support.config.ConfigDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Each athlete's goals file, re-read when its content changes (checked on every use and by the poll
 * job), without a restart. An invalid file is rejected with file + key + reason (logged, counted as
 * {@code goals_invalid_total}) and the previous valid version stays in force.
 */
@ApplicationScoped
public class GoalsRegistry {
    private static final Logger LOG = Logger.getLogger(GoalsRegistry.class);

    /** Loaded goals and the hash of the file content they came from. */
    record Loaded(String hash, Goals goals) {}

    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, String> rejectedHash = new ConcurrentHashMap<>();
    private final Map<String, String> lastError = new ConcurrentHashMap<>();
    private final AthletesConfig athletes;
    private final PlannerConfig config;
    private final MeterRegistry registry;

    public GoalsRegistry(AthletesConfig athletes, PlannerConfig config, MeterRegistry registry) {
        this.athletes = athletes;
        this.config = config;
        this.registry = registry;
    }

    /** The athlete's goals in force (after picking up a changed file), if any. */
    public Optional<Goals> goals(String athlete) {
        refresh(athlete);
        return Optional.ofNullable(loaded.get(athlete)).map(Loaded::goals);
    }

    /** The last rejection message for the athlete's file, if the newest content was invalid. */
    public Optional<String> lastError(String athlete) {
        return Optional.ofNullable(lastError.get(athlete));
    }

    /** Athletes with a goals file (configured or in the goals folder). */
    public Set<String> athletes() {
        Set<String> out = new TreeSet<>();
        athletes.byId().forEach((id, a) -> a.goalsFile().ifPresent(f -> out.add(id)));
        Path dir = goalsDir();
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".yaml"))
                        .forEach(n -> out.add(n.substring(0, n.length() - 5)));
            } catch (IOException e) {
                LOG.warnf("cannot list %s: %s", dir, e.getMessage());
            }
        }
        return out;
    }

    /**
     * Re-reads the file when its content changed.
     *
     * @return true when new valid goals came into force
     */
    public boolean refresh(String athlete) {
        Path file = file(athlete);
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.errorf("goals file %s unreadable: %s", file, e.getMessage());
            return false;
        }
        String hash = EventIds.sha256Hex(bytes);
        Loaded current = loaded.get(athlete);
        if (current != null && current.hash().equals(hash)
                || hash.equals(rejectedHash.get(athlete))) {
            return false;
        }
        try {
            Goals goals = GoalsParser.parse(file.toString(), athlete, bytes);
            loaded.put(athlete, new Loaded(hash, goals));
            rejectedHash.remove(athlete);
            lastError.remove(athlete);
            LOG.infof("goals of %s loaded from %s (race %s)", athlete, file, goals.raceDate());
            return true;
        } catch (GoalsException e) {
            rejectedHash.put(athlete, hash);
            lastError.put(athlete, e.getMessage());
            registry.counter("goals_invalid_total", "athlete", athlete).increment();
            LOG.errorf(
                    "goals file rejected, %s: %s",
                    current == null ? "no goals in force" : "previous version stays in force",
                    e.getMessage());
            return false;
        }
    }

    private Path file(String athlete) {
        AthletesConfig.Athlete a = athletes.byId().get(athlete);
        if (a != null && a.goalsFile().isPresent()) {
            Path p = Path.of(a.goalsFile().get());
            // relative paths are relative to the working directory, or to the repository root
            // (the config directory's parent) when the service runs from a module folder
            if (!p.isAbsolute() && !Files.exists(p)) {
                Path root =
                        ConfigDirectory.locate()
                                .map(d -> d.toAbsolutePath().getParent())
                                .orElse(null);
                if (root != null && Files.exists(root.resolve(p))) {
                    return root.resolve(p);
                }
            }
            return p;
        }
        Path dir = goalsDir();
        return dir == null ? null : dir.resolve(athlete + ".yaml");
    }

    private Path goalsDir() {
        return config.goalsDir()
                .map(Path::of)
                .orElseGet(
                        () ->
                                ConfigDirectory.locate()
                                        .map(d -> d.resolve("athletes"))
                                        .orElse(null));
    }
}
