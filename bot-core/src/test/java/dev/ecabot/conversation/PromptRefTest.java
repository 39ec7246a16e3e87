package dev.ecabot.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one codec of button and form references: what is written comes back the same, and old cards still work. */
class PromptRefTest {

    @ParameterizedTest
    @ValueSource(strings = {"approval", "reveal", "confirm", "playbook", "org", "app_name", "q"})
    void aQuestionNamedLikeOneOfTheBotsOwnButtonsStaysAQuestion(String id) {
        PromptRef question = new PromptRef.Question(id);

        assertThat(PromptRef.decode(question.encode())).isEqualTo(question);
        assertThat(PromptRef.decode(question.encode())).isNotIn((Object[]) PromptRef.Fixed.values());
    }

    @Test
    void theApprovalAndRevealCardsCarryTheWireFormsOfTheirFixedPrompts() {
        // The message types spell these out, so that they need nothing from the engine's package.
        assertThat(dev.ecabot.conversation.message.ApprovalCard.PROMPT_ID).isEqualTo(PromptRef.Fixed.APPROVAL.encode());
        assertThat(dev.ecabot.conversation.message.RevealOffer.PROMPT_ID).isEqualTo(PromptRef.Fixed.REVEAL.encode());
        assertThat(PromptRef.decode(dev.ecabot.conversation.message.RevealOffer.PROMPT_ID)).isEqualTo(PromptRef.Fixed.REVEAL);
    }

    @Test
    void everyKindComesBackAsItself() {
        for (PromptRef ref : new PromptRef[] {PromptRef.Fixed.APPROVAL, PromptRef.Fixed.REVEAL, PromptRef.Fixed.CONFIRM,
                PromptRef.Fixed.PLAYBOOK, PromptRef.Fixed.ORG, PromptRef.Fixed.APPROVAL_REASON,
                PromptRef.Command.of("delete", "Vonage_Prod demo"), new PromptRef.DenyReason("R-7"),
                new PromptRef.Question("scopes")}) {
            assertThat(PromptRef.decode(ref.encode())).as(ref.encode()).isEqualTo(ref);
        }
    }

    @Test
    void buttonsPostedBeforeTheCodecStillMeanWhatTheyMeant() {
        assertThat(PromptRef.decode("approval")).isEqualTo(PromptRef.Fixed.APPROVAL);
        assertThat(PromptRef.decode("reveal")).isEqualTo(PromptRef.Fixed.REVEAL);
        assertThat(PromptRef.decode("confirm")).isEqualTo(PromptRef.Fixed.CONFIRM);
        assertThat(PromptRef.decode("org-choice")).isEqualTo(PromptRef.Fixed.ORG);
        assertThat(PromptRef.decode("deny-reason:R-7")).isEqualTo(new PromptRef.DenyReason("R-7"));
        assertThat(PromptRef.decode("command:delete Vonage_Prod demo ")).isEqualTo(new PromptRef.Command("delete Vonage_Prod demo "));
        assertThat(PromptRef.decode("app_name")).as("a question was its bare id").isEqualTo(new PromptRef.Question("app_name"));
    }

    @Test
    void aCommandButtonRunsItsLineWithThePressedValue() {
        PromptRef.Command delete = PromptRef.Command.of("delete", "Vonage_Prod demo");

        assertThat(delete.name()).isEqualTo("delete");
        assertThat(delete.argumentsWith("confirm")).isEqualTo("Vonage_Prod demo confirm");
        assertThat(PromptRef.Command.of("usage", "").argumentsWith("30")).isEqualTo("30");
    }
}
