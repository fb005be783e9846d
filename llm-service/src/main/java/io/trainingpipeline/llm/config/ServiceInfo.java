package io.trainingpipeline.llm.config;

import io.quarkus.runtime.StartupEvent;
import io.trainingpipeline.support.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Logs the effective seed settings once at start-up (no secrets among them). */
@ApplicationScoped
public class ServiceInfo {
    private static final Logger LOG = Logger.getLogger(ServiceInfo.class);

    void onStart(@Observes StartupEvent event, PipelineConfig config) {
        LOG.infof(
                "llm-service started: overrides_allowed=%s llm_volume_change_max=%s",
                config.overridesAllowed(), config.llmVolumeChangeMax());
    }
}
