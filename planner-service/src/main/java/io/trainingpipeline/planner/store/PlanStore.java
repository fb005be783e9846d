package io.trainingpipeline.planner.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainingpipeline.planner.config.PlannerConfig;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import io.trainingpipeline.planner.render.FitWorkoutFiles;
import io.trainingpipeline.planner.render.GarminPlannerYaml;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Plan versions, history and push state as files under {@code planner.data-dir}: {@code
 * <athlete>/weeks/<week>/v<N>.json} (never rewritten), {@code <athlete>/history.jsonl} (one {@link
 * HistoryEntry} per line, appended after the version file is in place, so a crash between the two
 * leaves a version without history, never history without its version), {@code
 * <athlete>/state.json} (pushes, approvals). The garmin_planner YAML of each new version goes to
 * {@code <plans-dir>/<athlete>/<week>.yaml}, FIT workouts to {@code <plans-dir>/<athlete>/<week>/}.
 * One lock per store: decisions are rare, correctness beats concurrency.
 */
@ApplicationScoped
public class PlanStore {
    private static final Logger LOG = Logger.getLogger(PlanStore.class);
    private static final ObjectMapper JSON = PlanJson.mapper();

    private final Path data;
    private final Path plans;

    public PlanStore(PlannerConfig config) {
        this.data = Path.of(config.dataDir());
        this.plans = Path.of(config.plansDir());
    }

    /** The newest version of a week. */
    public synchronized Optional<PlanDocument> current(String athlete, LocalDate week) {
        return versions(athlete, week).stream().reduce((a, b) -> b);
    }

    /** One version of a week. */
    public synchronized Optional<PlanDocument> version(String athlete, LocalDate week, int v) {
        Path file = weekDir(athlete, week).resolve("v" + v + ".json");
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Every version of a week, oldest first. */
    public synchronized List<PlanDocument> versions(String athlete, LocalDate week) {
        Path dir = weekDir(athlete, week);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("v\\d+\\.json"))
                    .map(this::read)
                    .sorted((a, b) -> Integer.compare(a.version(), b.version()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weeks that have a plan, in order. */
    public synchronized List<LocalDate> weeks(String athlete) {
        Path dir = data.resolve(athlete).resolve("weeks");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> LocalDate.parse(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a new version (its number must be the next one) and its history entry. */
    public synchronized PlanDocument save(PlanDocument plan, HistoryEntry entry) {
        String athlete = plan.athleteId();
        Path file = weekDir(athlete, plan.weekStart()).resolve("v" + plan.version() + ".json");
        if (Files.exists(file)) {
            throw new IllegalStateException("version exists: " + file);
        }
        try {
            Files.createDirectories(file.getParent());
            writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(plan));
            Path yaml = plans.resolve(athlete).resolve(plan.weekStart() + ".yaml");
            Files.createDirectories(yaml.getParent());
            writeAtomically(yaml, GarminPlannerYaml.render(plan).getBytes(StandardCharsets.UTF_8));
            FitWorkoutFiles.write(
                    plan, plans.resolve(athlete).resolve(plan.weekStart().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        append(athlete, entry);
        return plan;
    }

    /** Appends a history entry (decisions that keep the version, pushes, approvals). */
    public synchronized void append(String athlete, HistoryEntry entry) {
        Path file = data.resolve(athlete).resolve("history.jsonl");
        try {
            Files.createDirectories(file.getParent());
            Files.write(
                    file,
                    (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The athlete's history, oldest first. */
    public synchronized List<HistoryEntry> history(String athlete) {
        Path file = data.resolve(athlete).resolve("history.jsonl");
        List<HistoryEntry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    out.add(JSON.readValue(line, HistoryEntry.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Whether a decision was already made for this proposal or flags event. */
    public synchronized boolean decided(String athlete, String flagsEventId, String proposalId) {
        return history(athlete).stream()
                .anyMatch(
                        h ->
                                h.decision() != null
                                        && (flagsEventId != null
                                                        && flagsEventId.equals(h.flagsEventId())
                                                || proposalId != null
                                                        && proposalId.equals(h.proposalEventId())));
    }

    /** Push state by week. */
    public synchronized Map<LocalDate, PushState> pushes(String athlete) {
        return state(athlete).pushes;
    }

    /** Records a successful push. */
    public synchronized void pushed(String athlete, LocalDate week, PushState state) {
        State s = state(athlete);
        s.pushes.put(week, state);
        writeState(athlete, s);
    }

    /** Approved version by week (approval mode). */
    public synchronized Map<LocalDate, Integer> approvals(String athlete) {
        return state(athlete).approved;
    }

    /** Records an approval. */
    public synchronized void approve(String athlete, LocalDate week, int version) {
        State s = state(athlete);
        s.approved.put(week, version);
        writeState(athlete, s);
    }

    /** Mutable per-athlete state file. */
    static final class State {
        public Map<LocalDate, PushState> pushes = new HashMap<>();
        public Map<LocalDate, Integer> approved = new HashMap<>();
    }

    private State state(String athlete) {
        Path file = data.resolve(athlete).resolve("state.json");
        if (!Files.exists(file)) {
            return new State();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<State>() {});
        } catch (IOException e) {
            LOG.errorf("unreadable %s (%s); starting from an empty state", file, e.getMessage());
            return new State();
        }
    }

    private void writeState(String athlete, State s) {
        Path file = data.resolve(athlete).resolve("state.json");
        try {
            Files.createDirectories(file.getParent());
            writeAtomically(file, JSON.writeValueAsBytes(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path weekDir(String athlete, LocalDate week) {
        return data.resolve(athlete).resolve("weeks").resolve(week.toString());
    }

    private PlanDocument read(Path file) {
        try {
            return JSON.readValue(file.toFile(), PlanDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable plan version " + file, e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
