package io.trainingpipeline.planner.service;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.PlanDecided;

/** Where decisions are published (the Kafka publisher implements it). */
public interface DecisionSink {
    /** Publishes and waits for the broker's acknowledgement. */
    void publish(EventEnvelope<PlanDecided> decision);
}
