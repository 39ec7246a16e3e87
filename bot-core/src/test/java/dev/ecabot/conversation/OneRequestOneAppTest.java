package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.eca.EcaMetadataWriter;
import dev.ecabot.salesforce.DeployOptions;
import dev.ecabot.salesforce.SalesforceClient;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import dev.ecabot.vault.RevealOffers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request, one app, one secret: whatever the bot is asked, whoever asks it at the same time, and wherever its
 * process dies, each request makes at most one app, owned by it, whose secret only its requester ever sees and can
 * always reach. On the demo org (the emulator) with the real provisioning saga and vault.
 */
class OneRequestOneAppTest {

    private static final Map<String, String> SHARED_TARGET = Map.of("app_name", "Shared Target",
            "contact_email", "ops@example.com");

    private final TestBot bot = TestBot.onTheDemoOrg();
    private final Person alice = bot.chat().as("alice");
    private final Person bob = bot.chat().as("bob");

    @AfterEach
    void stop() {
        bot.close();
    }

    private long appsInTheOrg() {
        return bot.emulatedOrg().emulator().org().apps().size();
    }

    private String secretInTheOrg(String apiName) {
        return bot.emulatedOrg().emulator().org().consumer(apiName).orElseThrow().secret();
    }

    private void aliceGetsSharedTarget() {
        Walks.toTheSummary(alice, "altify-mcp", "demo", SHARED_TARGET);
        alice.confirms();
        alice.awaits("Consumer key and secret of Shared_Target");
    }

    @Test
    void askingForTheNameOfSomeoneElsesAppStopsAtTheApiNameQuestionAndNeverRevealsTheirSecret() {
        aliceGetsSharedTarget();

        Transcript refused = Walks.toTheQuestion(bob, "altify-mcp", "demo", SHARED_TARGET, "api_name");
        refused = bob.says("");   // takes the default, Shared_Target

        assertThat(refused.text()).contains("already has an app named Shared_Target (requested by test:alice")
                .contains("its credentials stay with its owner").contains("Choose another API name");
        assertThat(refused.lastMessage()).isInstanceOfSatisfying(dev.ecabot.conversation.message.FormPrompt.class,
                form -> assertThat(form.fields().get(0).id()).isEqualTo("api_name"));
        bob.says("Bobs_Target");
        assertThat(bob.everything().text()).doesNotContain("Consumer key and secret of Shared_Target");
        assertThat(appsInTheOrg()).isEqualTo(1);
    }

    @Test
    void anAppMadeOutsideTheBotIsNeverHandedToARequester() {
        SalesforceClient org = bot.orgClients().forOrg("demo");
        org.metadata().await(org.metadata().start(new EcaMetadataWriter().writeZip(
                dev.ecabot.testing.SampleSpecs.vonage("Shared_Target")), DeployOptions.realDeploy()), r -> { });

        Walks.toTheQuestion(bob, "altify-mcp", "demo", SHARED_TARGET, "api_name");
        Transcript refused = bob.says("");

        assertThat(refused.text()).contains("already has an app named Shared_Target (it was not made by this bot)");
        assertThat(bot.emulatedOrg().emulator().org().apps()).hasSize(1);
    }

    @Test
    void twoPeopleAskingForOneNameAtOnceGetOneAppAndTheSecondHearsWhoIsCreatingIt() {
        Walks.toTheQuestion(alice, "altify-mcp", "demo", SHARED_TARGET, "api_name");
        alice.says("");
        Walks.toTheQuestion(bob, "altify-mcp", "demo", SHARED_TARGET, "api_name");

        Transcript refused = bob.says("shared_target");

        assertThat(refused.text()).contains("Someone is already creating an app named shared_target")
                .contains("test:alice asked for it first");
        Walks.toTheSummary(alice, "altify-mcp", "demo", SHARED_TARGET); // continues her conversation
        alice.confirms();
        alice.awaits("Consumer key and secret of Shared_Target");
        assertThat(appsInTheOrg()).isEqualTo(1);
    }

    @Test
    void cancellingFreesTheNameForTheNextRequester() {
        Walks.toTheQuestion(alice, "altify-mcp", "demo", SHARED_TARGET, "api_name");
        alice.says("");
        alice.says("cancel");

        Walks.toTheSummary(bob, "altify-mcp", "demo", SHARED_TARGET);
        bob.confirms();
        bob.awaits("Consumer key and secret of Shared_Target");
    }

    /** Where the bot's process dies, named by what it was sending at that moment. */
    enum KillPoint {
        BEFORE_ANYTHING_REACHES_SALESFORCE(m -> m instanceof ProgressUpdate p
                && p.steps().stream().allMatch(s -> s.state() == ProgressUpdate.State.PENDING)),
        WHILE_CHECKING_THE_ORG(m -> running(m, "Deploying the app")),
        RIGHT_AFTER_THE_DEPLOY(m -> done(m, "Deployed") && !running(m, null)
                && ((ProgressUpdate) m).steps().get(2).state() == ProgressUpdate.State.PENDING),
        WHILE_READING_THE_CREDENTIALS(m -> running(m, "Reading the credentials")),
        AFTER_THE_SECRET_WAS_SEALED(m -> m instanceof ProgressUpdate p
                && p.steps().stream().allMatch(s -> s.state() == ProgressUpdate.State.DONE)),
        WHILE_OFFERING_THE_SECRET(m -> m instanceof RevealOffer);

        final Predicate<ChatMessage> sending;

        KillPoint(Predicate<ChatMessage> sending) {
            this.sending = sending;
        }

        private static boolean running(ChatMessage m, String label) {
            return m instanceof ProgressUpdate p && p.steps().stream().anyMatch(s ->
                    s.state() == ProgressUpdate.State.RUNNING && (label == null || s.label().equals(label)));
        }

        private static boolean done(ChatMessage m, String label) {
            return m instanceof ProgressUpdate p && p.steps().stream().anyMatch(s ->
                    s.state() == ProgressUpdate.State.DONE && s.label().equals(label));
        }
    }

    @ParameterizedTest(name = "killed {0}")
    @EnumSource(KillPoint.class)
    void aBotKilledAnywhereWhileCreatingAnAppResumesAfterARestartAndTheRequesterGetsTheSecretOnce(KillPoint point) {
        bot.chat().killTheBotWhenItSends(point.sending);
        Walks.toTheSummary(alice, "altify-mcp", "demo", SHARED_TARGET);
        alice.confirms();
        bot.chat().awaitTheKill();
        sleep(300); // the killed attempt's last calls (a deploy it sent) settle in the org

        bot.restart().afterTheLeasesOfTheOldInstanceExpire();
        int resumed = bot.engine().resumeInterruptedProvisioning();

        assertThat(resumed).as("requests taken over after the restart").isEqualTo(1);
        Transcript done = alice.awaits("Consumer key and secret of Shared_Target");
        assertThat(done.text()).contains("picking up where it stopped");
        alice.revealsSecret();
        assertThat(alice.revealed()).as("secrets shown to the requester").singleElement()
                .satisfies(r -> assertThat(r.secret().reveal()).isEqualTo(secretInTheOrg("Shared_Target")));
        assertThat(appsInTheOrg()).as("apps made for one request").isEqualTo(1);
        assertThat(bot.chat().reveals()).as("secrets shown to anyone").hasSize(1);
        assertThat(alice.says("reveal").text()).as("nothing else waits").contains("no secret waiting");
        assertThat(bot.engine().resumeInterruptedProvisioning()).as("nothing left to resume").isZero();
    }

    @Test
    void afterARestartRevealListsTheSecretsWaitingWithTheirButtons() {
        bot.chat().killTheBotWhenItSends(m -> m instanceof RevealOffer);
        Walks.toTheSummary(alice, "altify-mcp", "demo", SHARED_TARGET);
        alice.confirms();
        bot.chat().awaitTheKill();
        bot.restart();

        Transcript listed = alice.says("reveal");

        assertThat(listed.text()).contains("One secret is waiting for you");
        assertThat(listed.last(RevealOffer.class).label()).contains("Shared_Target in demo");
        alice.revealsSecret();
        assertThat(alice.revealed()).singleElement()
                .satisfies(r -> assertThat(r.secret().reveal()).isEqualTo(secretInTheOrg("Shared_Target")));
        assertThat(bob.says("reveal").text()).contains("no secret waiting");
    }

    @Test
    void aSecondInstanceStartedWhileAnAppIsBeingCreatedLeavesItToTheFirst() {
        Walks.toTheSummary(alice, "altify-mcp", "demo", SHARED_TARGET);
        alice.confirms();
        // The first instance holds the request's lease while it works; a second one starting now looks for work.
        TestBot.SecondInstance second = bot.secondInstance();
        int takenOver = second.engine().resumeInterruptedProvisioning();

        alice.awaits("Consumer key and secret of Shared_Target");
        assertThat(takenOver).isZero();
        assertThat(alice.everything().text()).doesNotContain("picking up where it stopped");
        assertThat(appsInTheOrg()).isEqualTo(1);
        second.close();
    }

    @Test
    void anUnrevealedSecretIsDestroyedWhenItsOfferExpiresAndTheRequesterIsTold() {
        aliceGetsSharedTarget();
        bot.clock().advance(RevealOffers.DEFAULT_WINDOW.plusMinutes(1));

        assertThat(bot.engine().expireRevealOffers()).isEqualTo(1);

        assertThat(alice.everything().text()).contains("Your credentials for Shared_Target in demo were not revealed in time")
                .contains("ask a bot admin to issue new credentials");
        assertThat(sealedSecretsLeft()).as("sealed secrets left after expiry").isZero();
        assertThat(alice.revealsSecret().text()).contains("expired");
        assertThat(alice.revealed()).isEmpty();
        assertThat(bot.engine().expireRevealOffers()).isZero();
    }

    private long sealedSecretsLeft() {
        try (var c = bot.database().dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM reveal_offers WHERE sealed_credentials IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
