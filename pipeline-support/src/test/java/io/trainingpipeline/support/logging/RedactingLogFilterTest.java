package io.trainingpipeline.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class RedactingLogFilterTest {
    private final RedactingLogFilter filter = new RedactingLogFilter();

    @Test
    void secretPassedAsParameterIsRedactedAfterFormatting() {
        ExtLogRecord record =
                new ExtLogRecord(
                        Level.INFO,
                        "refreshing with {0}",
                        ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                        "test");
        record.setParameters(new Object[] {"refresh_token=abc123def456"});

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage())
                .isEqualTo("refreshing with refresh_token=" + SecretRedactor.MASK);
    }

    @Test
    void printfStyleMessageIsRedacted() {
        ExtLogRecord record =
                new ExtLogRecord(
                        Level.WARNING, "posting to %s", ExtLogRecord.FormatStyle.PRINTF, "test");
        record.setParameters(new Object[] {"https://hooks.slack.com/services/T1/B2/c3secret"});

        filter.isLoggable(record);

        assertThat(record.getFormattedMessage()).doesNotContain("c3secret").contains("posting to");
    }

    @Test
    void exceptionCarryingASecretIsReplacedKeepingItsStackTrace() {
        IOException cause = new IOException("401 for Authorization: Bearer tok_0123456789");
        RuntimeException thrown = new RuntimeException("Garmin refresh failed", cause);
        ExtLogRecord record =
                new ExtLogRecord(
                        Level.SEVERE, "refresh failed", ExtLogRecord.FormatStyle.NO_FORMAT, "t");
        record.setThrown(thrown);

        filter.isLoggable(record);

        Throwable logged = record.getThrown();
        assertThat(logged).isInstanceOf(RedactedException.class);
        assertThat(logged.getMessage()).contains("RuntimeException: Garmin refresh failed");
        assertThat(logged.getCause().getMessage())
                .contains("IOException: 401")
                .doesNotContain("tok_0123456789");
        assertThat(logged.getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    @Test
    void harmlessRecordKeepsItsText() {
        ExtLogRecord record =
                new ExtLogRecord(
                        Level.INFO,
                        "ingested {0} activities",
                        ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                        "t");
        record.setParameters(new Object[] {3});
        RuntimeException thrown = new RuntimeException("no secret here");
        record.setThrown(thrown);

        filter.isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("ingested 3 activities");
        assertThat(record.getThrown()).isSameAs(thrown);
    }
}
