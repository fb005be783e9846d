package io.trainingpipeline.planner.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainingpipeline.planner.config.PlannerConfig;
import io.trainingpipeline.planner.plan.PlanJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Open adaptations, kept in {@code <planner.data-dir>/pending.json} so a restart between a flags
 * event and its proposal still ends in exactly one decision: the flags event's offset is committed
 * once {@link #put} returns, so the file, not Kafka, is what remembers the adaptation. Rewritten
 * whole and atomically on every change (a handful of entries, one change per event).
 */
@ApplicationScoped
public class PendingStore {
    private static final Logger LOG = Logger.getLogger(PendingStore.class);
    private static final ObjectMapper JSON = PlanJson.mapper();

    private final Path file;
    private final Map<String, PendingAdaptation> open = new LinkedHashMap<>();

    @Inject
    public PendingStore(PlannerConfig config) {
        this(Path.of(config.dataDir()).resolve("pending.json"));
    }

    /** A store on {@code file}, loading what a previous run left there. */
    public PendingStore(Path file) {
        this.file = file;
        load();
    }

    /** Records an open adaptation (durable when this returns). */
    public synchronized void put(PendingAdaptation p) {
        open.put(p.flagsEventId(), p);
        write();
    }

    /** The open adaptation of a flags event. */
    public synchronized Optional<PendingAdaptation> get(String flagsEventId) {
        return Optional.ofNullable(open.get(flagsEventId));
    }

    /** Whether the flags event has an open adaptation. */
    public synchronized boolean contains(String flagsEventId) {
        return open.containsKey(flagsEventId);
    }

    /** Closes the adaptation of a flags event (after its decision is stored). */
    public synchronized void remove(String flagsEventId) {
        if (open.remove(flagsEventId) != null) {
            write();
        }
    }

    /** Every open adaptation, oldest first. */
    public synchronized List<PendingAdaptation> all() {
        return List.copyOf(open.values());
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<PendingAdaptation> saved =
                    JSON.readValue(file.toFile(), new TypeReference<List<PendingAdaptation>>() {});
            saved.forEach(p -> open.put(p.flagsEventId(), p));
            LOG.infof("%d open adaptation(s) restored from %s", open.size(), file);
        } catch (IOException e) {
            // fail-open: without the file the weeks simply stay as they are
            LOG.errorf(
                    "unreadable %s (%s); open adaptations dropped, their weeks stay unchanged",
                    file, e.getMessage());
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsBytes(List.copyOf(open.values())));
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
