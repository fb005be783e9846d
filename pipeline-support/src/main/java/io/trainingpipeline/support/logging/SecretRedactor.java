package io.trainingpipeline.support.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets in free text with {@code [REDACTED]}: bearer tokens, JWTs, OpenAI-style API keys
 * ({@code sk-...}), Slack webhook URLs, and the value of secret-looking keys ({@code password=...},
 * {@code "refresh_token": "..."}, {@code api_key: ...}). Plain Java so services can also redact
 * exception messages or API error bodies before storing them.
 */
public final class SecretRedactor {
    /** What a secret is replaced with. */
    public static final String MASK = "[REDACTED]";

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES =
            List.of(
                    // Slack incoming webhooks: the whole path is the credential.
                    new Rule(
                            Pattern.compile(
                                    "https://hooks\\.slack(?:-gov)?\\.com/[A-Za-z0-9/_+-]+"),
                            "https://hooks.slack.com/" + MASK),
                    // JWT-shaped: header.payload.signature, base64url, header starts with {"
                    new Rule(
                            Pattern.compile(
                                    "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*"),
                            MASK),
                    // Authorization headers: Bearer / Basic credentials.
                    new Rule(
                            Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}"),
                            "$1 " + MASK),
                    // OpenAI-style keys: sk-..., sk-proj-...
                    new Rule(Pattern.compile("\\bsk-[A-Za-z0-9_-]{12,}"), "sk-" + MASK),
                    // key=value, key: value, "key": "value" for secret-looking keys.
                    new Rule(
                            Pattern.compile(
                                    "(?i)(\\b[a-z_.-]*(?:password|passwd|pwd|secret|token|"
                                            + "api[_-]?key|apikey|webhook[_-]?url|credential)"
                                            + "[a-z_.-]*[\"']?\\s*[=:]\\s*[\"']?)"
                                            + "(?!\\[REDACTED\\])([^\\s\"'&,;}]+)"),
                            "$1" + MASK));

    private SecretRedactor() {}

    /** {@code text} with every secret replaced; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            if (m.find()) {
                out = m.replaceAll(rule.replacement());
            }
        }
        return out;
    }

    /** Whether {@link #redact} would change {@code text}. */
    public static boolean containsSecret(String text) {
        return text != null && !text.equals(redact(text));
    }
}
