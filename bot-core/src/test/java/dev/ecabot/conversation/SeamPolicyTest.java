package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy adapters used to keep for themselves, now the engine's and the same on every platform: what a typed
 * {@code reveal <offer>} gets, which cards a click marks answered and with what words, and a repeated delivery.
 */
class SeamPolicyTest {

    private final RecordingProvisioner provisioner = new RecordingProvisioner();
    private final TestBot bot = new TestBot(provisioner);
    private final Person alice = bot.chat().as("alice");
    private final Person bob = bot.chat().as("bob");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void aTypedRevealWithAnOfferIdNeverShowsTheSecretButGivesItsOwnerTheButtonAgain() {
        NewAppConversationTest.walkAltifyToTheSummary(alice, "demo");
        alice.confirms();
        RevealOffer offer = alice.awaits("Consumer key and secret of").last(RevealOffer.class);

        var typed = alice.says("reveal " + offer.offerId());
        assertThat(typed.text()).contains("Secrets open only from their Reveal button");
        assertThat(typed.last(RevealOffer.class).offerId()).isEqualTo(offer.offerId());
        assertThat(alice.revealed()).as("a typed reveal released nothing").isEmpty();

        assertThat(bob.says("reveal " + offer.offerId()).text()).contains("Only the person who asked")
                .doesNotContain("Secrets open only");
        assertThat(alice.says("reveal 0000-none").text()).contains("There is no reveal offer 0000-none");

        alice.revealsSecret(); // the button still works, once
        assertThat(alice.revealed()).hasSize(1);
        assertThat(alice.says("reveal " + offer.offerId()).text()).contains("already revealed");
    }

    @Test
    void aTakenClickMarksItsCardAnsweredInTheEnginesWordsAndATypedAnswerMarksNothing() {
        TurnAnswer typed = bot.engine().answer(new ChatEvent.Text(alice.user(), ChatPlace.direct("dm"), "new altify-mcp"));
        assertThat(typed.answered()).isEmpty();
        ChoicePrompt org = alice.everything().last(ChoicePrompt.class);

        TurnAnswer picked = bot.engine().answer(new ChatEvent.Choice(alice.user(), ChatPlace.direct("dm"), org.id(), "demo",
                "Demo org"));

        assertThat(picked.answered()).hasValueSatisfying(answered -> {
            assertThat(InlineText.plain(answered.text())).isEqualTo(alice.user().displayName() + " chose Demo org");
            assertThat(answered.fields()).isEmpty();
        });
        FormPrompt name = alice.everything().last(FormPrompt.class);
        TurnAnswer filled = bot.engine().answer(new ChatEvent.FormSubmission(alice.user(), ChatPlace.direct("dm"), name.id(),
                Map.of(name.fields().get(0).id(), ""), Map.of(name.fields().get(0).id(), "App name")));
        assertThat(filled.answered()).hasValueSatisfying(answered ->
                assertThat(InlineText.plain(answered.text())).endsWith("answered: App name: (left empty)"));
    }

    @Test
    void revealAndApprovalCardsAreNeverMarkedByAClickAndARefusedClickLeavesTheCard() {
        TurnAnswer reveal = bot.engine().answer(new ChatEvent.Choice(alice.user(), ChatPlace.direct("dm"),
                RevealOffer.PROMPT_ID, "no-such-offer"));
        assertThat(reveal.answered()).isEmpty();
        TurnAnswer approval = bot.engine().answer(new ChatEvent.Choice(alice.user(), ChatPlace.direct("dm"),
                PromptRef.Fixed.APPROVAL.encode(), "approve 0badc0de 00000000"));
        assertThat(approval.answered()).isEmpty();

        // Bob presses a button of alice's question in a channel: refused, and her card stays as it was.
        bot.engine().answer(new ChatEvent.Text(alice.user(), new ChatPlace("C0TEAM", "t1"), "new altify-mcp"));
        ChoicePrompt org = alice.everything().last(ChoicePrompt.class);
        TurnAnswer bystander = bot.engine().answer(new ChatEvent.Choice(bob.user(), new ChatPlace("C0TEAM", "t1"), org.id(),
                "demo", "demo"));
        assertThat(bystander.refused()).isTrue();
        assertThat(bystander.answered()).isEmpty();
    }

    @Test
    void aDeliveryRecordedBeforeIsNoTurn() {
        AtomicInteger recorded = new AtomicInteger();
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        InboundDelivery ev1 = () -> {
            recorded.incrementAndGet();
            return seen.add("Ev1");
        };
        ChatEvent hello = new ChatEvent.Text(alice.user(), ChatPlace.direct("dm"), "new altify-mcp demo");

        TurnAnswer first = bot.engine().answer(hello, Set.of(), ev1);
        TurnAnswer again = bot.engine().answer(hello, Set.of(), ev1);

        assertThat(first.repeated()).isFalse();
        assertThat(again.repeated()).isTrue();
        assertThat(recorded).hasValue(2);
        assertThat(alice.everything().all(FormPrompt.class)).as("the first question, asked once").hasSize(1);
    }
}
