package io.trainingpipeline.llm;

import io.quarkus.test.common.QuarkusTestResource;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;

/** Applies the testkit's real Kafka broker to every {@code @QuarkusTest} of this module. */
@QuarkusTestResource(KafkaTestResource.class)
public class KafkaBrokerForTests {}
