package io.trainingpipeline.llm.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainingpipeline.llm.patch.InvalidProposalException;
import io.trainingpipeline.llm.patch.PatchDraft;
import org.junit.jupiter.api.Test;

class ReplyParserTest {
    private final ReplyParser parser = new ReplyParser();
    private static final String VALID =
            "{\"patch\":[{\"op\":\"replace\",\"path\":\"/sessions/1/intensity\",\"value\":\"easy\"}],"
                    + "\"rationale\":[{\"op\":0,\"flag\":\"hrv_suppressed\",\"metric\":\"hrvZ7\","
                    + "\"reason\":\"HRV is low\"}]}";

    @Test
    void aJsonObjectWithPatchAndRationaleParses() {
        PatchDraft d = parser.parse(VALID);
        assertThat(d.patch()).hasSize(1);
        assertThat(d.rationale().get(0).flag()).isEqualTo("hrv_suppressed");
    }

    @Test
    void oneSurroundingCodeFenceIsTolerated() {
        assertThat(parser.parse("```json\n" + VALID + "\n```").patch()).hasSize(1);
    }

    @Test
    void proseTruncationTrailingTextAndMissingFieldsAreRejected() {
        assertThatThrownBy(() -> parser.parse("Sure! Make Tuesday easy."))
                .isInstanceOf(InvalidProposalException.class)
                .hasMessageContaining("not one complete JSON object");
        assertThatThrownBy(() -> parser.parse(VALID.substring(0, 40)))
                .hasMessageContaining("not one complete JSON object");
        assertThatThrownBy(() -> parser.parse(VALID + " I hope this helps"))
                .hasMessageContaining("not one complete JSON object");
        assertThatThrownBy(() -> parser.parse("{\"rationale\":[]}"))
                .hasMessageContaining("no 'patch' array");
        assertThatThrownBy(() -> parser.parse("{\"patch\":[]}"))
                .hasMessageContaining("no 'rationale' array");
        assertThatThrownBy(() -> parser.parse("[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parser.parse("  ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse("{\"patch\":[],\"rationale\":[{\"op\":\"x\"}]}"))
                .hasMessageContaining("no integer 'op'");
    }
}
