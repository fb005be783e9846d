package io.trainingpipeline.support.logging;

/**
 * Stand-in for an exception whose message (or a cause's) held a secret: same class name in the
 * message, same stack trace, redacted text, redacted causes.
 */
public final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private RedactedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code t} or one of its causes carries a secret in its message. */
    public static boolean needsRedaction(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (SecretRedactor.containsSecret(c.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A redacted copy of {@code t} and its causes. */
    public static RedactedException of(Throwable t) {
        return copy(t, 0);
    }

    private static RedactedException copy(Throwable t, int depth) {
        Throwable cause = t.getCause();
        RedactedException copied =
                new RedactedException(
                        t.getClass().getName() + ": " + SecretRedactor.redact(t.getMessage()),
                        cause == null || cause == t || depth > 20 ? null : copy(cause, depth + 1));
        copied.setStackTrace(t.getStackTrace());
        return copied;
    }
}
