package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code new} conversation through the neutral model: pick, answer, confirm, watch, receive. */
class NewAppConversationTest {

    private final RecordingProvisioner provisioner = new RecordingProvisioner();
    private final TestBot bot = new TestBot(provisioner);
    private final Person alice = bot.chat().as("alice");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void aRequesterPicksEverythingFromListsAndGetsTheirCredentials() {
        Transcript start = alice.says("new");
        assertThat(start.last(ChoicePrompt.class).options()).extracting(o -> o.value()).contains("altify-mcp");

        alice.picks("altify-mcp");
        assertThat(alice.everything().last(ChoicePrompt.class).prompt()).contains("Which Salesforce org");
        alice.picks("demo");
        alice.says("Altify for ChatGPT");
        assertThat(alice.everything().last(FormPrompt.class).fields().get(0).defaultValue())
                .isEqualTo("Altify_for_ChatGPT");
        alice.says("");
        alice.says("sfadmins@example.com");
        Transcript summary = alice.says("");

        assertThat(summary.text())
                .contains("this is exactly what I will create in demo")
                .contains("API name: Altify_for_ChatGPT")
                .contains("https://analysis.mcp.altify.dev/test.salesforce.com/callback")
                .contains("Perform requests at any time (refresh_token, offline_access)")
                .contains("Enable Refresh Token Rotation: yes")
                .contains("IP relaxation: Enforce IP restrictions, but relax for refresh tokens");

        assertThat(alice.confirms().text()).contains("Confirmed: I am creating it now");
        Transcript done = alice.awaits("Consumer key: 3MVG9Altify_for_ChatGPT_key");
        assertThat(done.text()).contains("Usable from: now").contains("Next step 2: In ChatGPT");
        assertThat(done.all(ProgressUpdate.class)).last().satisfies(p ->
                assertThat(p.steps()).allMatch(s -> s.state() == ProgressUpdate.State.DONE));
        assertThat(done.text()).doesNotContain(RecordingProvisioner.SECRET);

        alice.awaits("Consumer key and secret of Altify_for_ChatGPT");
        alice.revealsSecret();
        assertThat(alice.revealed()).singleElement().satisfies(r ->
                assertThat(r.secret().reveal()).isEqualTo(RecordingProvisioner.SECRET));
        assertThat(alice.revealsSecret().text()).contains("already revealed");
        assertThat(alice.revealed()).hasSize(1);
        assertThat(provisioner.orders).singleElement().satisfies(o -> {
            assertThat(o.org()).isEqualTo("demo");
            assertThat(o.requester().id()).isEqualTo("alice");
        });
    }

    @Test
    void anInvalidAnswerIsAskedAgainWithTheReason() {
        alice.says("new altify-mcp demo");
        alice.says("Altify");
        alice.says("");
        Transcript again = alice.says("sfadmins-at-example");

        FormPrompt form = again.last(FormPrompt.class);
        assertThat(form.id()).isEqualTo("q:contact_email");
        assertThat(form.fields().get(0).error()).contains("sfadmins-at-example");
        assertThat(again.text()).contains("Problem:");

        assertThat(alice.says("sfadmins@example.com").last(FormPrompt.class).id()).isEqualTo("q:description");
    }

    @Test
    void theContactEmailIsPrefilledFromTheAskersProfileAndABlankAnswerTakesIt() {
        alice.says("new altify-mcp demo");
        alice.says("Altify");
        FormPrompt contact = alice.says("").last(FormPrompt.class);
        assertThat(contact.id()).isEqualTo(new PromptRef.Question("contact_email").encode());
        assertThat(contact.fields().get(0).defaultValue()).isEqualTo("alice@example.com");

        assertThat(alice.says("").last(FormPrompt.class).id()).as("accepted: on to the next question")
                .isEqualTo(new PromptRef.Question("description").encode());
        assertThat(alice.says("").text()).as("the summary to confirm").contains("alice@example.com");
    }

    @Test
    void theOrgOfTheLastRequestIsOfferedAsTheDefaultOrgNextTime() {
        alice.says("new altify-mcp");
        assertThat(alice.everything().last(ChoicePrompt.class).defaultValue()).as("no request yet: no default").isNull();
        alice.picks("demo");
        alice.says("Altify");
        alice.says("");
        alice.says("");
        assertThat(alice.says("").text()).contains("this is exactly what I will create in demo");
        alice.says("cancel");

        alice.says("new altify-mcp");
        ChoicePrompt org = alice.everything().last(ChoicePrompt.class);
        assertThat(org.prompt()).contains("Which Salesforce org");
        assertThat(org.defaultValue()).isEqualTo("demo");
        assertThat(bot.chat().as("bob").says("new altify-mcp").last(ChoicePrompt.class).defaultValue())
                .as("another person's choice is theirs").isNull();
    }

    @Test
    void aMissingAnswerIsAskedForInWordsAndStatusCountsAnswersInGoodEnglish() {
        alice.says("new altify-mcp demo");
        assertThat(alice.says("status").text()).contains("(1 answer so far)").doesNotContain("1 answers");
        FormPrompt again = alice.says("").last(FormPrompt.class);
        assertThat(again.fields().get(0).error()).isEqualTo("This one needs an answer before we go on (say \"cancel\" to stop here).");
        alice.says("Altify");
        assertThat(alice.says("status").text()).contains("(2 answers so far)");
    }

    @Test
    void anInvalidApiNameIsRefusedWithTheRulesAndTheDefaultStillOffered() {
        alice.says("new altify-mcp demo");
        alice.says("My App");
        Transcript again = alice.says("1_bad__name_");
        assertThat(again.last(FormPrompt.class).fields().get(0).error()).isNotBlank();
        assertThat(again.last(FormPrompt.class).fields().get(0).defaultValue()).isEqualTo("My_App");
        assertThat(again.last(FormPrompt.class).fields().get(0).typed()).as("what was typed, for a card to show again")
                .isEqualTo("1_bad__name_");
    }

    @Test
    void freeTextNamingAVendorAndAnOrgStartsNewWithBothFilledIn() {
        Transcript reply = alice.says("I need an Altify app in prod please");
        assertThat(reply.text()).contains("Let's set up Altify MCP servers (ChatGPT) in prod");
        assertThat(reply.last(FormPrompt.class).id()).isEqualTo("q:app_name");
    }

    @Test
    void freeTextWithoutAVendorOrOrgIsNotMistakenForARequest() {
        assertThat(alice.says("good morning").text()).contains("I did not understand").contains("help");
    }

    @Test
    void formsCanBeSubmittedWithAllTheirFields() {
        alice.says("new altify-mcp demo");
        Transcript next = alice.submits(Map.of("app_name", "Altify Prod"));
        assertThat(next.last(FormPrompt.class).id()).isEqualTo("q:api_name");
    }

    @Test
    void aButtonOfAnEarlierQuestionGetsTheCurrentQuestionInstead() {
        alice.says("new");
        alice.picks("altify-mcp");
        Transcript stale = alice.presses("playbook", "altify-mcp");
        assertThat(stale.text()).contains("earlier question");
        assertThat(stale.last(ChoicePrompt.class).id()).isEqualTo("q:org");
    }

    @Test
    void cancellingDropsTheConversationAndNothingIsCreated() {
        alice.says("new altify-mcp demo");
        assertThat(alice.says("cancel").text()).contains("Cancelled").contains("Nothing was created");
        assertThat(alice.says("status").text()).contains("No conversation in progress");
        assertThat(provisioner.orders).isEmpty();
    }

    @Test
    void aFailedProvisioningIsReportedInWordsAndEndsTheConversation() {
        provisioner.failWith("Salesforce refused the deployment: ExternalClientApplication Altify: duplicate API name.");
        walkAltifyToTheSummary(alice, "demo");
        alice.confirms();
        Transcript failed = alice.awaits("I could not create Altify");
        assertThat(failed.text()).contains("duplicate API name").contains("Say \"new\" to try again");
        assertThat(failed.all(ProgressUpdate.class)).last()
                .satisfies(p -> assertThat(p.current().state()).isEqualTo(ProgressUpdate.State.FAILED));
        assertThat(alice.says("status").text()).contains("No conversation in progress");
    }

    @Test
    void aPlaybookNeedingApprovalIsNotCreatedUnapprovedOutsideTheDemoOrg() {
        walkAltifyToTheSummary(alice, "prod");
        assertThat(alice.confirms().text()).contains("Org prod needs 1 approval before I create this");
        assertThat(alice.says("Sales team's ChatGPT pilot").text()).contains("is waiting for approval")
                .contains("nothing is created before that");
        assertThat(provisioner.orders).isEmpty();
    }

    @Test
    void theRevealOfferNeverCarriesTheSecret() {
        walkAltifyToTheSummary(alice, "demo");
        alice.confirms();
        RevealOffer offer = alice.awaits("Consumer key and secret of").last(RevealOffer.class);
        assertThat(offer.toString()).doesNotContain(RecordingProvisioner.SECRET);
        Person bob = bot.chat().as("bob");
        assertThat(bob.says("reveal " + offer.offerId()).text()).contains("Only the person who asked");
        assertThat(bob.revealed()).isEmpty();
    }

    @Test
    void anAppWithAnActivationDelaySaysFromWhenItIsUsable() {
        alice.says("new salesforce-hosted-mcp demo");
        alice.says("Claude MCP");
        alice.says("");
        alice.says("sfadmins@example.com");
        alice.says("");
        Transcript reply = alice.picks("claude");
        for (int i = 0; i < 10 && !(reply.lastMessage() instanceof dev.ecabot.conversation.message.Confirmation); i++) {
            reply = alice.says("");
        }
        assertThat(reply.text()).contains("Usable: about 30 minutes after it is created")
                .contains("You will receive: the consumer key");
        alice.confirms();
        Transcript done = alice.awaits("Consumer key: 3MVG9Claude_MCP_key");
        assertThat(done.text()).contains("Usable from: 2026-03-02 10:42 UTC (30 minutes from now)");
        assertThat(done.all(RevealOffer.class)).as("key only: no secret to reveal").isEmpty();
    }

    static void walkAltifyToTheSummary(Person who, String org) {
        who.says("new altify-mcp " + org);
        who.says("Altify");
        who.says("");
        who.says("sfadmins@example.com");
        who.says("");
    }
}
