package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.approval.ApprovalPolicyConfig;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine answers in the turn, for the platform to show at once (a modal from the click, field errors in
 * the submitted form, a secret in the window the click opened), instead of sending it through the port.
 */
class TurnAnswerTest {

    private static final RolesConfig ROLES = new RolesConfig(List.of(Grantee.parse("test:*")),
            List.of(Grantee.parse("test:bob")), List.of());
    private static final ApprovalPolicyConfig DEMO_NEEDS_ONE = new ApprovalPolicyConfig(1, Duration.ofHours(24),
            Map.of("demo", new ApprovalPolicyConfig.OrgRule(1, List.of())), Map.of());
    private static final Map<String, String> SHARED_TARGET = Map.of("app_name", "Shared Target",
            "contact_email", "ops@example.com");

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(ROLES).withApprovals(DEMO_NEEDS_ONE));
    private final Person alice = bot.chat().as("alice");
    private final Person bob = bot.chat().as("bob");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void fieldErrorsOfASubmittedFormAndAFormOpenedByADenyClickComeBackInTheAnswer() {
        Walks.toTheSummary(alice, "vonage-ai-studio", "demo", Map.of("app_name", "Vonage Prod",
                "contact_email", "ops@example.com"));
        alice.confirms();
        FormPrompt reason = alice.everything().last(FormPrompt.class);
        int forms = alice.everything().all(FormPrompt.class).size();

        TurnAnswer empty = bot.engine().answer(new ChatEvent.FormSubmission(alice.user(), place(alice), reason.id(),
                Map.of(reason.fields().get(0).id(), "")), EnumSet.of(TurnAnswer.InTurn.FIELD_ERRORS));

        assertThat(empty.form().orElseThrow().fields()).anySatisfy(f -> assertThat(f.error()).isNotBlank());
        assertThat(alice.everything().all(FormPrompt.class)).as("the errors were not posted as well").hasSize(forms);

        alice.says("Voice bot");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        TurnAnswer click = bot.engine().answer(new ChatEvent.Choice(bob.user(), place(bob), ApprovalCard.PROMPT_ID,
                card.denyValue()), EnumSet.of(TurnAnswer.InTurn.FORM));

        assertThat(click.form().orElseThrow().title()).contains("Why do you deny request " + card.requestId());
        assertThat(bob.everything().all(FormPrompt.class)).as("the form opens from the click, not posted").isEmpty();
    }

    @Test
    void aRevealClickGetsTheSecretInTheAnswerAndTheVaultDestroysItOnlyOnceItWasShown() {
        RevealOffer offer = anOfferForAlice();
        ChatEvent.Choice click = new ChatEvent.Choice(alice.user(), place(alice), RevealOffer.PROMPT_ID, offer.offerId());
        EnumSet<TurnAnswer.InTurn> window = EnumSet.of(TurnAnswer.InTurn.SECRET, TurnAnswer.InTurn.WORDS);

        TurnAnswer refusedWindow = bot.engine().answer(click, window);
        assertThat(refusedWindow.secret()).isPresent();
        assertThat(bot.chat().reveals()).as("nothing revealed through the port").isEmpty();
        refusedWindow.secret().get().receipt().notShown("views.update: not_found");

        TurnAnswer doubleClick = bot.engine().answer(click, window);
        TurnAnswer meanwhile = bot.engine().answer(click, window);
        assertThat(meanwhile.secret()).as("a second click while the first window shows it").isEmpty();
        assertThat(String.join(" ", meanwhile.words())).contains("already revealed in the window your other click opened");
        doubleClick.secret().orElseThrow().receipt().shown();

        TurnAnswer after = bot.engine().answer(click, window);
        assertThat(after.secret()).isEmpty();
        assertThat(String.join(" ", after.words())).contains("already revealed at");
    }

    private RevealOffer anOfferForAlice() {
        Walks.toTheSummary(alice, "altify-mcp", "demo", SHARED_TARGET);
        alice.confirms();
        alice.says("Needed for the demo");
        bob.presses(ApprovalCard.PROMPT_ID, bob.everything().last(ApprovalCard.class).approveValue());
        alice.awaits("Consumer key and secret of Shared_Target");
        return alice.everything().last(RevealOffer.class);
    }

    private static ChatPlace place(Person who) {
        return ChatPlace.direct("dm-" + who.user().id());
    }
}
