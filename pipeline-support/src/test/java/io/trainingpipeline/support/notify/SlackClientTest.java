package io.trainingpipeline.support.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainingpipeline.support.notify.SlackClient.Delivery;
import io.trainingpipeline.testkit.slack.SlackReceiver;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackClientTest {
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private final Logger logger = Logger.getLogger(SlackClient.class.getName());
    private final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord record) {
                    String params =
                            record.getParameters() == null
                                    ? ""
                                    : List.of(record.getParameters()).toString();
                    logLines.add(record.getMessage() + " " + params);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
    private SlackReceiver slack;

    @BeforeEach
    void start() {
        slack = SlackReceiver.start();
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
        slack.close();
        assertThat(String.join("\n", logLines))
                .as("the webhook URL is a credential")
                .doesNotContain("testWebhookSecret123")
                .doesNotContain(SlackReceiver.PATH);
    }

    private SlackClient client(String url) {
        return new SlackClient(
                Optional.ofNullable(url),
                3,
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                waits::add);
    }

    @Test
    void planChangeReachesSlackAsJsonText() {
        Delivery delivery =
                client(slack.webhookUrl())
                        .send(
                                SlackMessages.planChanged(
                                        "ana",
                                        LocalDate.of(2026, 11, 30),
                                        List.of(
                                                "Tue intervals → easy 45 min",
                                                "Sat long run -20 %"),
                                        "HRV dropped 3 nights in a row (\"hrv_suppressed\")"));

        assertThat(delivery).isEqualTo(Delivery.SENT);
        assertThat(slack.posts()).hasSize(1);
        assertThat(slack.posts().get(0).contentType()).startsWith("application/json");
        assertThat(slack.texts())
                .containsExactly(
                        "Next week's plan changed (ana, week of 2026-11-30): Tue intervals → easy"
                                + " 45 min; Sat long run -20 %, because HRV dropped 3 nights in a"
                                + " row (\"hrv_suppressed\")");
    }

    @Test
    void garminSignInMessageNamesTheAthlete() {
        assertThat(client(slack.webhookUrl()).send(SlackMessages.garminSignInNeeded("ana")))
                .isEqualTo(Delivery.SENT);
        assertThat(slack.texts().get(0)).startsWith("Garmin sign-in needed for ana");
    }

    @Test
    void serverErrorsAreRetriedWithGrowingWaits() {
        slack.respondNext(500, 503);

        Delivery delivery = client(slack.webhookUrl()).send("hello");

        assertThat(delivery).isEqualTo(Delivery.SENT);
        assertThat(slack.texts()).containsExactly("hello", "hello", "hello");
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void rateLimitWaitsAsToldByRetryAfter() {
        slack.rateLimitNext(7);

        assertThat(client(slack.webhookUrl()).send("hello")).isEqualTo(Delivery.SENT);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void giveUpAfterMaxAttempts() {
        slack.respondNext(500, 500, 500, 500);

        assertThat(client(slack.webhookUrl()).send("hello")).isEqualTo(Delivery.FAILED);
        assertThat(slack.posts()).hasSize(3);
        assertThat(logLines).anyMatch(l -> l.contains("not delivered after 3 attempts"));
    }

    @Test
    void rejectedMessageIsNotRetried() {
        slack.respondNext(400);

        assertThat(client(slack.webhookUrl()).send("hello")).isEqualTo(Delivery.FAILED);
        assertThat(slack.posts()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void unreachableSlackFailsWithoutLoggingTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + SlackReceiver.PATH;

        assertThat(client(url).send("hello")).isEqualTo(Delivery.FAILED);
        assertThat(waits).hasSize(2);
        assertThat(logLines).anyMatch(l -> l.contains("ConnectException"));
    }

    @Test
    void withoutUrlNothingIsSent() {
        SlackClient disabled = client(null);

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.send("hello")).isEqualTo(Delivery.DISABLED);
        assertThat(slack.posts()).isEmpty();
    }
}
