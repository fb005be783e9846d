package io.trainingpipeline.support.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Log filter {@code redact}: rewrites every record so no secret reaches a log line, whatever the
 * format (plain text in dev, JSON in containers). The message is formatted with its parameters
 * first (a token passed as a parameter is caught too), and an exception whose message holds a
 * secret is replaced by a {@link RedactedException} with the same stack trace.
 *
 * <p>Enabled for every service by pipeline-support's {@code
 * META-INF/microprofile-config.properties} ({@code quarkus.log.console.filter=redact}).
 */
@LoggingFilter(name = "redact")
public final class RedactingLogFilter implements Filter {
    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted =
                record instanceof ExtLogRecord ext
                        ? ext.getFormattedMessage()
                        : record.getMessage();
        String redacted = SecretRedactor.redact(formatted);
        if (redacted != null && !redacted.equals(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(redacted);
            }
            record.setParameters(null);
        } else if (record instanceof ExtLogRecord ext
                && ext.getFormatStyle() != ExtLogRecord.FormatStyle.NO_FORMAT
                && record.getParameters() != null) {
            // Parameters were formatted above; keep the text as checked.
            ext.setMessage(formatted, ExtLogRecord.FormatStyle.NO_FORMAT);
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && RedactedException.needsRedaction(thrown)) {
            record.setThrown(RedactedException.of(thrown));
        }
        return true;
    }
}
