package io.trainingpipeline.llm.config;

import io.quarkus.runtime.StartupEvent;
import io.trainingpipeline.support.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.jboss.logging.Logger;

/** Logs the effective settings once at start-up: which coach answers, never the API key. */
@ApplicationScoped
public class ServiceInfo {
    private static final Logger LOG = Logger.getLogger(ServiceInfo.class);

    void onStart(@Observes StartupEvent event, PipelineConfig config, LlmConfig llm) {
        LOG.infof(
                "llm-service started: overrides_allowed=%s llm_volume_change_max=%s",
                config.overridesAllowed(), config.llmVolumeChangeMax());
        if (llm.modelConfigured()) {
            LOG.infof(
                    "proposals by model %s at %s (api key %s, timeout %s, weekly budget %d)",
                    llm.model(),
                    llm.baseUrl().map(ServiceInfo::withoutUserInfo).orElse("OpenAI"),
                    llm.apiKey().filter(k -> !k.isBlank()).isPresent() ? "set" : "not set",
                    llm.timeout(),
                    llm.weeklyCallBudget());
        } else {
            LOG.info("proposals by the rule-based coach (no llm.base-url or llm.api-key set)");
        }
    }

    /** A URL without credentials someone may have put into it. */
    static String withoutUserInfo(String url) {
        try {
            URI u = URI.create(url);
            return u.getUserInfo() == null
                    ? url
                    : new URI(
                                    u.getScheme(),
                                    null,
                                    u.getHost(),
                                    u.getPort(),
                                    u.getPath(),
                                    null,
                                    null)
                            .toString();
        } catch (Exception e) {
            return "(unparseable base URL)";
        }
    }
}
