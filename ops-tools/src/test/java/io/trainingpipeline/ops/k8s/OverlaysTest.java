package io.trainingpipeline.ops.k8s;

import static io.trainingpipeline.ops.k8s.Rendered.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trainingpipeline.ops.RepoRoot;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders each overlay and checks what a cluster would get: kinds, probes, resources, labels. */
class OverlaysTest {
    static final Map<String, Integer> PORTS =
            Map.of(
                    "ingest-service", 8081,
                    "analytics-service", 8082,
                    "llm-service", 8083,
                    "planner-service", 8084);

    @BeforeAll
    static void needsKubectl() {
        assumeTrue(Rendered.kubectlAvailable(), "kubectl not on PATH (.ci/run installs it)");
    }

    private static List<Map<String, Object>> render(String overlay) {
        return Rendered.kustomize(RepoRoot.get().resolve("k8s/overlays").resolve(overlay));
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> all, String kind) {
        return all.stream().filter(o -> kind.equals(o.get("kind"))).collect(Collectors.toList());
    }

    private static String name(Map<String, Object> o) {
        return at(o, "metadata", "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void everyServiceIsAWorkloadWithServiceAndBudget(String overlay) {
        List<Map<String, Object>> all = render(overlay);
        assertThat(ofKind(all, "Deployment"))
                .extracting(OverlaysTest::name)
                .containsExactlyInAnyOrder("ingest-service", "planner-service");
        List<Map<String, Object>> sets = ofKind(all, "StatefulSet");
        assertThat(sets)
                .extracting(OverlaysTest::name)
                .containsExactlyInAnyOrder("analytics-service", "llm-service");
        Map<String, Object> analytics =
                sets.stream()
                        .filter(s -> name(s).equals("analytics-service"))
                        .findFirst()
                        .orElseThrow();
        assertThat((Integer) at(analytics, "spec", "replicas"))
                .as("DuckDB has one writer")
                .isEqualTo(1);
        for (Map<String, Object> set : sets) {
            assertThat((List<?>) at(set, "spec", "volumeClaimTemplates")).as(name(set)).hasSize(1);
        }
        assertThat(ofKind(all, "Service"))
                .extracting(OverlaysTest::name)
                .containsAll(PORTS.keySet());
        assertThat(ofKind(all, "PodDisruptionBudget"))
                .extracting(OverlaysTest::name)
                .containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        assertThat(ofKind(all, "HorizontalPodAutoscaler"))
                .extracting(
                        o ->
                                at(o, "spec", "scaleTargetRef", "kind")
                                        + "/"
                                        + at(o, "spec", "scaleTargetRef", "name"))
                .containsExactly("StatefulSet/llm-service");
        assertThat(ofKind(all, "NetworkPolicy"))
                .extracting(OverlaysTest::name)
                .contains("default-deny");
        assertThat(ofKind(all, "PodMonitor")).isNotEmpty();
        assertThat(ofKind(all, "PrometheusRule")).hasSize(1);
        assertThat(ofKind(all, "Namespace")).hasSize(1);
        for (Map<String, Object> o : all) {
            if (!"Namespace".equals(o.get("kind"))) {
                assertThat((String) at(o, "metadata", "namespace"))
                        .as(o.get("kind") + "/" + name(o))
                        .isEqualTo(name(ofKind(all, "Namespace").get(0)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    @SuppressWarnings("unchecked")
    void podsAreProbedLimitedNonRootAndLabelled(String overlay) {
        List<Map<String, Object>> all = render(overlay);
        List<Map<String, Object>> workloads = ofKind(all, "Deployment");
        workloads.addAll(ofKind(all, "StatefulSet"));
        Map<String, Object> env =
                ofKind(all, "ConfigMap").stream()
                        .filter(c -> name(c).startsWith("pipeline-env"))
                        .findFirst()
                        .orElseThrow();
        assertThat((String) at(env, "data", "PIPELINE_ENV")).isEqualTo(overlay);
        for (Map<String, Object> w : workloads) {
            String service = name(w);
            Map<String, Object> pod = at(w, "spec", "template");
            assertThat((String) at(pod, "metadata", "labels", "app.kubernetes.io/part-of"))
                    .isEqualTo("training-pipeline");
            assertThat((String) at(pod, "metadata", "labels", "app.kubernetes.io/name"))
                    .isEqualTo(service);
            assertThat((Boolean) at(pod, "spec", "securityContext", "runAsNonRoot")).isTrue();
            List<Map<String, Object>> containers = at(pod, "spec", "containers");
            assertThat(containers).hasSize(1);
            Map<String, Object> c = containers.get(0);
            assertThat((String) at(c, "readinessProbe", "httpGet", "path"))
                    .isEqualTo("/q/health/ready");
            assertThat((String) at(c, "livenessProbe", "httpGet", "path"))
                    .isEqualTo("/q/health/live");
            assertThat((Object) at(c, "resources", "requests", "cpu")).as(service).isNotNull();
            assertThat((Object) at(c, "resources", "requests", "memory")).isNotNull();
            assertThat((Object) at(c, "resources", "limits", "memory")).isNotNull();
            assertThat((Boolean) at(c, "securityContext", "readOnlyRootFilesystem")).isTrue();
            assertThat((Boolean) at(c, "securityContext", "allowPrivilegeEscalation")).isFalse();
            assertThat((String) c.get("image"))
                    .startsWith("ghcr.io/")
                    .endsWith("/" + service + ":" + imageTag(c))
                    .doesNotEndWith(":latest");
            List<Map<String, Object>> ports = (List<Map<String, Object>>) c.get("ports");
            assertThat(ports.get(0)).containsEntry("containerPort", PORTS.get(service));
            // Secrets by reference only: no literal value for anything secret-like.
            for (Map<String, Object> var : (List<Map<String, Object>>) c.get("env")) {
                String varName = (String) var.get("name");
                // (a *_FILE / *_DIR / *_PATH names where a secret lives, not the secret)
                if (varName.matches(".*(KEY|TOKEN|PASSWORD|WEBHOOK|SECRET).*")
                        && !varName.matches(".*_(FILE|DIR|PATH)")) {
                    assertThat(var).as(service + " " + var.get("name")).doesNotContainKey("value");
                    assertThat((Object) at(var, "valueFrom", "secretKeyRef", "name")).isNotNull();
                }
            }
        }
        assertThat(ofKind(all, "Secret"))
                .extracting(OverlaysTest::name)
                .as("only Alertmanager's (non-secret) config travels as a Secret")
                .containsExactly("alertmanager-pipeline-config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void kafkaIsKraftWithReplayableTopics(String overlay) {
        List<Map<String, Object>> all = render(overlay);
        assertThat(ofKind(all, "Kafka")).hasSize(1);
        assertThat(
                        (String)
                                at(
                                        ofKind(all, "Kafka").get(0),
                                        "metadata",
                                        "annotations",
                                        "strimzi.io/kraft"))
                .isEqualTo("enabled");
        assertThat(ofKind(all, "KafkaNodePool")).isNotEmpty();
        List<Map<String, Object>> topics = ofKind(all, "KafkaTopic");
        assertThat(topics)
                .extracting(t -> at(t, "spec", "topicName"))
                .containsExactlyInAnyOrder(
                        "ingest.activity.v1",
                        "ingest.wellness.v1",
                        "analytics.flag.v1",
                        "llm.proposal.v1",
                        "planner.decision.v1",
                        "planner.push.v1");
        for (Map<String, Object> t : topics) {
            assertThat((Object) at(t, "spec", "config", "retention.ms")).isEqualTo(-1);
        }
    }

    private static String imageTag(Map<String, Object> container) {
        String image = (String) container.get("image");
        return image.substring(image.lastIndexOf(':') + 1);
    }
}
