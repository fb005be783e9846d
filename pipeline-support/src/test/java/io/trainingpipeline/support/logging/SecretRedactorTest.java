package io.trainingpipeline.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRedactorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bearer header | Authorization: Bearer abcDEF123456.xyz_789 | abcDEF123456",
                "basic header | calling with Basic dXNlcjpwYXNzd29yZA== now | dXNlcjpwYXNzd29yZA",
                "jwt | token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U done"
                        + " | eyJhbGciOiJIUzI1NiJ9",
                "openai key | OpenAI failed for key sk-proj-AbCdEf0123456789xyz | AbCdEf0123456789",
                "password kv | login user=ana password=hunter2secret ok | hunter2secret",
                "json token | {\"refresh_token\": \"r-98765-abcdef\", \"expires_in\": 3600} | r-98765-abcdef",
                "api_key yaml | api_key: 0123456789abcdef | 0123456789abcdef",
                "slack webhook | posting to https://hooks.slack.com/services/T000/B000/XXXXsecret failed"
                        + " | T000/B000/XXXXsecret",
                "oauth secret | oauth_token_secret=ZZZtopsecret&oauth_token=YYYtoken | ZZZtopsecret",
                "client secret | client_secret=\"cs-123456\" | cs-123456",
            })
    void secretIsGoneAndTheRestStays(String name, String line, String secret) {
        String redacted = SecretRedactor.redact(line);
        assertThat(redacted).doesNotContain(secret.trim()).contains(SecretRedactor.MASK);
        assertThat(SecretRedactor.containsSecret(line)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "activity 123 ingested for athlete demo (3 laps, 42.2 km)",
                "flow sync_daily finished in 812 ms",
                "HRV z-score -1.2 below threshold -1.0",
                "token refresh scheduled at 2026-11-24T10:00Z",
            })
    void ordinaryLinesAreUntouched(String line) {
        assertThat(SecretRedactor.redact(line)).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "password=secretA and token=secretB | secretA | secretB",
                "Bearer aaaaaaaaaa then sk-bbbbbbbbbbbbbbbbbb | aaaaaaaaaa | bbbbbbbbbbbbbbbbbb",
            })
    void everyOccurrenceIsRedacted(String line, String first, String second) {
        assertThat(SecretRedactor.redact(line)).doesNotContain(first).doesNotContain(second);
    }
}
