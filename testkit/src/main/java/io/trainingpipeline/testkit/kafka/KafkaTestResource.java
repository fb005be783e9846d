package io.trainingpipeline.testkit.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.trainingpipeline.schemas.Topics;
import java.util.Map;

/**
 * Gives every {@code @QuarkusTest} of a module a real Kafka broker: the in-JVM KRaft broker by
 * default, or a Testcontainers Kafka container when {@code KAFKA_TEST_PROVIDER=testcontainers}
 * (GitHub Actions, where Docker exists). Declared once per module with
 * {@code @QuarkusTestResource(KafkaTestResource.class)}, which applies it to all test classes.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    /**
     * Environment variable choosing the broker provider: {@code embedded} (default) or {@code
     * testcontainers}.
     */
    public static final String PROVIDER_ENV = "KAFKA_TEST_PROVIDER";

    private static String bootstrap;

    @Override
    public synchronized Map<String, String> start() {
        if (bootstrap == null) {
            bootstrap =
                    "testcontainers".equalsIgnoreCase(System.getenv(PROVIDER_ENV))
                            ? ContainerBroker.start()
                            : embedded();
        }
        return Map.of(
                "kafka.bootstrap.servers", bootstrap, "quarkus.kafka.devservices.enabled", "false");
    }

    /** The bootstrap address of the broker the tests run against. */
    public static String bootstrapServers() {
        if (bootstrap == null) {
            throw new IllegalStateException("KafkaTestResource has not started yet");
        }
        return bootstrap;
    }

    private static String embedded() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(Topics.all(), 3);
        return broker.bootstrapServers();
    }

    @Override
    public void stop() {
        // shared across test classes of the JVM; stopped by a shutdown hook
    }

    /** Kept apart so the Testcontainers classes load only when chosen. */
    private static final class ContainerBroker {
        static String start() {
            org.testcontainers.kafka.KafkaContainer container =
                    new org.testcontainers.kafka.KafkaContainer("apache/kafka:4.1.1");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return container.getBootstrapServers();
        }
    }
}
