package io.trainingpipeline.llm.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.llm.coach.RuleCoach;
import io.trainingpipeline.llm.config.LlmConfig;
import io.trainingpipeline.llm.llm.ModelCallException;
import io.trainingpipeline.llm.llm.ModelGateway;
import io.trainingpipeline.llm.llm.ModelReply;
import io.trainingpipeline.llm.metrics.LlmMetrics;
import io.trainingpipeline.llm.patch.InvalidProposalException;
import io.trainingpipeline.llm.patch.PatchDraft;
import io.trainingpipeline.llm.patch.PatchValidator;
import io.trainingpipeline.llm.peers.AnalyticsGateway;
import io.trainingpipeline.llm.peers.GoalsReader;
import io.trainingpipeline.llm.peers.PeerUnavailableException;
import io.trainingpipeline.llm.peers.PlannerGateway;
import io.trainingpipeline.llm.prompt.Prompt;
import io.trainingpipeline.llm.prompt.PromptBuilder;
import io.trainingpipeline.llm.prompt.PromptContext;
import io.trainingpipeline.llm.prompt.ReplyParser;
import io.trainingpipeline.llm.store.AnsweredStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import io.trainingpipeline.schemas.events.ProposalFailed.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.jboss.logging.Logger;

/**
 * Turns one flags event into exactly one answer: a {@link PlanPatchProposed} or a {@link
 * ProposalFailed}. Plan from the planner (none = PROVIDER_ERROR), then the rule-based coach or the
 * model (budget, prompt, guarded call, strict parse), then validation against the plan. Nothing
 * escapes as an exception: an unexpected error is a PROVIDER_ERROR answer too, so the planner is
 * never left waiting for its deadline.
 */
@ApplicationScoped
public class ProposalService {
    private static final Logger LOG = Logger.getLogger(ProposalService.class);

    private final LlmConfig config;
    private final PlannerGateway planner;
    private final AnalyticsGateway analytics;
    private final GoalsReader goals;
    private final ModelGateway model;
    private final AnsweredStore store;
    private final LlmMetrics metrics;
    private final RuleCoach coach;
    private final PatchValidator validator;
    private final PromptBuilder prompts;
    private final ReplyParser parser = new ReplyParser();

    public ProposalService(
            LlmConfig config,
            PlannerGateway planner,
            AnalyticsGateway analytics,
            GoalsReader goals,
            ModelGateway model,
            AnsweredStore store,
            LlmMetrics metrics) {
        this.config = config;
        this.planner = planner;
        this.analytics = analytics;
        this.goals = goals;
        this.model = model;
        this.store = store;
        this.metrics = metrics;
        this.coach = new RuleCoach(config.ruleCoachVolumeCut());
        this.validator = new PatchValidator(config.maxOperations());
        this.prompts = new PromptBuilder(config.maxOperations());
    }

    /** The id of the answer to a flags event: the same for a proposal and a failure. */
    public static String answerId(String flagsEventId) {
        return EventIds.of(EventType.PLAN_PATCH_PROPOSED, "answer", flagsEventId);
    }

    /** The one answer to {@code flags}. */
    public EventEnvelope<? extends EventPayload> answer(EventEnvelope<FlagsRaised> flags) {
        Attempt attempt = new Attempt(flags);
        EventEnvelope<? extends EventPayload> answer;
        try {
            answer = produce(attempt);
        } catch (RuntimeException e) {
            LOG.errorf(
                    "unexpected error answering flags event %s: %s",
                    flags.eventId(), redact(e.toString()));
            answer =
                    attempt.failed(
                            Reason.PROVIDER_ERROR,
                            "internal error: " + e.getClass().getSimpleName(),
                            null);
        }
        metrics.latency(attempt.provider(), attempt.elapsed());
        if (answer.payload() instanceof ProposalFailed f) {
            metrics.answered(f.reason().name());
            LOG.infof(
                    "flags event %s of %s week %s: proposal failed (%s): %s",
                    flags.eventId(), flags.athleteId(), attempt.week, f.reason(), f.detail());
        } else {
            metrics.answered("proposed");
            LOG.infof(
                    "flags event %s of %s week %s: proposal with %d operations by %s",
                    flags.eventId(),
                    flags.athleteId(),
                    attempt.week,
                    ((PlanPatchProposed) answer.payload()).patch().size(),
                    attempt.modelName);
        }
        return answer;
    }

    private EventEnvelope<? extends EventPayload> produce(Attempt a) {
        JsonNode plan;
        try {
            plan = planner.plan(a.athlete, a.week);
        } catch (PeerUnavailableException e) {
            return a.failed(Reason.PROVIDER_ERROR, e.getMessage() + "; nothing to patch", null);
        }
        a.baseVersion = plan.path("version").asInt(0);
        PatchDraft draft;
        String raw;
        if (!config.modelConfigured()) {
            draft = coach.propose(a.flags.payload().flags(), plan, a.week);
            raw = draft.patch().toString();
        } else {
            a.modelName = config.model();
            a.source = EventSources.LLM;
            if (!consumeBudget(a.athlete)) {
                return a.failed(
                        Reason.OVER_BUDGET,
                        "weekly model call budget of "
                                + config.weeklyCallBudget()
                                + " used up for "
                                + a.athlete,
                        null);
            }
            Prompt prompt = prompts.build(context(a, plan), nonce(a.flags.eventId()));
            ModelReply reply;
            try {
                reply = model.complete(prompt);
            } catch (ModelCallException e) {
                return a.failed(e.reason(), e.getMessage(), null);
            }
            a.modelName = reply.model();
            a.inputTokens = reply.inputTokens();
            a.outputTokens = reply.outputTokens();
            metrics.tokens(reply.inputTokens(), reply.outputTokens());
            raw = reply.text() == null ? "" : reply.text();
            if (raw.length() > config.maxReplyChars()) {
                return a.failed(
                        Reason.INVALID_OUTPUT,
                        "reply of "
                                + raw.length()
                                + " characters exceeds llm.max-reply-chars="
                                + config.maxReplyChars(),
                        raw);
            }
            try {
                draft = parser.parse(raw);
            } catch (InvalidProposalException e) {
                return a.failed(Reason.INVALID_OUTPUT, e.getMessage(), raw);
            }
        }
        try {
            validator.validate(draft, plan, a.week);
        } catch (InvalidProposalException e) {
            return a.failed(Reason.INVALID_OUTPUT, e.getMessage(), raw);
        }
        return a.proposed(draft);
    }

    private PromptContext context(Attempt a, JsonNode plan) {
        LocalDate to = a.week.minusDays(1);
        LocalDate from = a.week.minusWeeks(config.metricsWeeks());
        return new PromptContext(
                a.athlete,
                a.week,
                a.flags.payload().flags(),
                plan,
                analytics.metrics(a.athlete, from, to).orElse(null),
                analytics.activities(a.athlete, from).orElse(null),
                goals.goal(a.athlete).orElse(null));
    }

    private boolean consumeBudget(String athlete) {
        LocalDate thisWeek =
                LocalDate.now(ZoneOffset.UTC)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        try {
            boolean allowed = store.tryConsumeCall(athlete, thisWeek, config.weeklyCallBudget());
            metrics.budgetRemaining(
                    athlete,
                    Math.max(0, config.weeklyCallBudget() - store.callsMade(athlete, thisWeek)));
            return allowed;
        } catch (SQLException e) {
            throw new IllegalStateException("budget store failed: " + e.getMessage(), e);
        }
    }

    /** Data-block marker nonce: derived from the flags event id, unknown to Garmin text authors. */
    static String nonce(String flagsEventId) {
        return EventIds.sha256Hex(("prompt|" + flagsEventId).getBytes(StandardCharsets.UTF_8))
                .substring(0, 16);
    }

    /** Removes the API key from text that may have come back from the provider. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String key = config.apiKey().orElse("");
        return key.length() < 4 ? text : text.replace(key, "[redacted]");
    }

    private String cap(String raw) {
        if (raw == null) {
            return null;
        }
        String redacted = redact(raw);
        return redacted.length() <= config.rawOutputCap()
                ? redacted
                : redacted.substring(0, config.rawOutputCap());
    }

    /** The state of answering one flags event. */
    private final class Attempt {
        final EventEnvelope<FlagsRaised> flags;
        final String athlete;
        final LocalDate week;
        final long started = System.nanoTime();
        int baseVersion;
        String modelName = RuleCoach.MODEL;
        String source = EventSources.RULE_COACH;
        int inputTokens;
        int outputTokens;

        Attempt(EventEnvelope<FlagsRaised> flags) {
            this.flags = flags;
            this.athlete = flags.athleteId();
            this.week = flags.payload().weekStart();
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }

        String provider() {
            return config.modelConfigured() ? "openai-compatible" : RuleCoach.MODEL;
        }

        EventEnvelope<ProposalFailed> failed(Reason reason, String detail, String raw) {
            ProposalFailed payload =
                    new ProposalFailed(
                            flags.eventId(),
                            week,
                            baseVersion,
                            reason,
                            redact(detail),
                            cap(raw),
                            modelName,
                            elapsed().toMillis());
            return EventEnvelope.wrap(
                    answerId(flags.eventId()),
                    Instant.now(),
                    athlete,
                    source,
                    flags.eventId(),
                    payload);
        }

        EventEnvelope<PlanPatchProposed> proposed(PatchDraft draft) {
            PlanPatchProposed payload =
                    new PlanPatchProposed(
                            flags.eventId(),
                            week,
                            baseVersion,
                            draft.patch(),
                            draft.rationale(),
                            modelName,
                            elapsed().toMillis(),
                            inputTokens,
                            outputTokens);
            return EventEnvelope.wrap(
                    answerId(flags.eventId()),
                    Instant.now(),
                    athlete,
                    source,
                    flags.eventId(),
                    payload);
        }
    }
}
