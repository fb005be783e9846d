package io.trainingpipeline.support.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Kafka broker with a short deadline. Quarkus' own Kafka check waits for the admin
 * client's default timeout (60 s) when the broker is down, which leaves the probe hanging; this one
 * answers DOWN within {@code pipeline.broker-check-timeout} (default 2 s) and caches the answer
 * briefly so frequent probes do not pile up connections. A service without its broker keeps serving
 * its REST API; only readiness reports the outage.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {
    private final String bootstrap;
    private final Duration timeout;
    private Admin admin;
    private HealthCheckResponse last;
    private Instant lastAt = Instant.EPOCH;

    public BrokerReadinessCheck(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "pipeline.broker-check-timeout", defaultValue = "2s")
                    Duration timeout) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (last != null && lastAt.plusSeconds(3).isAfter(Instant.now())) {
            return last;
        }
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("kafka-broker").withData("bootstrap", bootstrap);
        try {
            int nodes =
                    admin().describeCluster(
                                    new DescribeClusterOptions()
                                            .timeoutMs((int) timeout.toMillis()))
                            .nodes()
                            .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
                            .size();
            last = response.up().withData("nodes", nodes).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            last =
                    response.down()
                            .withData("reason", "broker unreachable within " + timeout)
                            .build();
        }
        lastAt = Instant.now();
        return last;
    }

    private Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness-check");
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
