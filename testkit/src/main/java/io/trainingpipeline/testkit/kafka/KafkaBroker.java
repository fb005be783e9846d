package io.trainingpipeline.testkit.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller) running inside the test JVM,
 * started without Docker. One instance is shared per JVM ({@link #shared()}) because starting takes
 * a few seconds; tests isolate themselves by athlete id or topic, never by a fresh broker.
 */
public final class KafkaBroker implements AutoCloseable {
    private static KafkaBroker shared;

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** The JVM-wide broker, started on first use and stopped at JVM exit. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = start(3);
            KafkaBroker broker = shared;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(broker::closeWithin10s, "kafka-broker-stop"));
        }
        return shared;
    }

    /**
     * An in-JVM broker that hits a fatal fault (typically while it is being closed at JVM exit,
     * racing the other shutdown hooks) calls Kafka's {@code Exit.halt(1)}, which would end the test
     * JVM with a non-zero code after every test passed (surefire: "Error occurred in starting
     * fork"). Kafka's own tests replace the procedures the same way; the fault is still printed.
     */
    private static void keepTheJvmOnBrokerFaults() {
        Exit.Procedure report =
                (code, message) ->
                        System.err.println(
                                "in-JVM Kafka broker asked to exit with " + code + ": " + message);
        Exit.setExitProcedure(report);
        Exit.setHaltProcedure(report);
    }

    /** Starts a new broker whose auto-created topics get {@code partitions} partitions. */
    public static KafkaBroker start(int partitions) {
        keepTheJvmOnBrokerFaults();
        try {
            TestKitNodes nodes =
                    new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(1)
                            .setNumControllerNodes(1)
                            .build();
            KafkaClusterTestKit cluster =
                    new KafkaClusterTestKit.Builder(nodes)
                            .setConfigProp("offsets.topic.replication.factor", "1")
                            .setConfigProp("offsets.topic.num.partitions", "3")
                            .setConfigProp("transaction.state.log.replication.factor", "1")
                            .setConfigProp("transaction.state.log.min.isr", "1")
                            .setConfigProp("group.initial.rebalance.delay.ms", "0")
                            .setConfigProp("auto.create.topics.enable", "true")
                            .setConfigProp("num.partitions", String.valueOf(partitions))
                            .setConfigProp("log.retention.ms", "-1")
                            .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("the in-JVM Kafka broker did not start", e);
        }
    }

    /** {@code host:port} of the broker listener. */
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates topics (idempotent) so consumers assigned before the first record see them. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics =
                    topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            admin.createTopics(newTopics).values().values().forEach(KafkaBroker::ignoreExists);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
        return Admin.create(props);
    }

    /**
     * Closes on a daemon thread and gives up after 10 s: at JVM exit a slow controller shutdown on
     * a loaded machine must not keep the test JVM alive past surefire's exit deadline.
     */
    void closeWithin10s() {
        Thread closer = new Thread(this::close, "kafka-broker-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // the JVM is ending; a broker that fails to stop cleanly must not fail the build
        }
    }

    private static void ignoreExists(org.apache.kafka.common.KafkaFuture<Void> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("topic creation failed", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topics", e);
        }
    }
}
