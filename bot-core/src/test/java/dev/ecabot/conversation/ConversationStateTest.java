package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations live in the database: restarts, several people, threads and expiry. */
class ConversationStateTest {

    private final RecordingProvisioner provisioner = new RecordingProvisioner();
    private final TestBot bot = new TestBot(provisioner);
    private final Person alice = bot.chat().as("alice");
    private final Person bob = bot.chat().as("bob");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void aRestartedBotTakesTheNextAnswerWhereTheConversationStopped() {
        alice.says("new altify-mcp demo");
        alice.says("Altify");

        bot.restart();
        Transcript afterRestart = alice.says("");
        assertThat(afterRestart.last(FormPrompt.class).id()).isEqualTo("q:contact_email");

        alice.says("sfadmins@example.com");
        alice.says("");
        alice.confirms();
        alice.awaits("Consumer key: 3MVG9Altify_key");
        assertThat(provisioner.orders).singleElement()
                .satisfies(o -> assertThat(o.spec().app().contactEmail()).isEqualTo("sfadmins@example.com"));
    }

    @Test
    void provisioningCutShortByARestartIsResumedWithTheSameRequest() {
        provisioner.stallFirstOrder();
        NewAppConversationTest.walkAltifyToTheSummary(alice, "demo");
        alice.confirms();
        alice.awaits("[running] Deploying the app");

        bot.restart();
        assertThat(bot.engine().resumeInterruptedProvisioning()).as("the stopped instance's lease is still live").isZero();
        bot.afterTheLeasesOfTheOldInstanceExpire();
        assertThat(bot.engine().resumeInterruptedProvisioning()).isEqualTo(1);
        assertThat(bot.engine().resumeInterruptedProvisioning()).as("taken over once").isZero();

        alice.awaits("picking up where it stopped");
        alice.awaits("Consumer key: 3MVG9Altify_key");
        assertThat(provisioner.orders).hasSize(2);
        assertThat(provisioner.orders.get(1).requestId()).isEqualTo(provisioner.orders.get(0).requestId());
    }

    @Test
    void statusAfterARestartRepeatsTheQuestionWaitingForAnAnswer() {
        alice.says("new");
        bot.restart();
        Transcript status = alice.says("status");
        assertThat(status.text()).contains("waiting for you to pick a playbook");
        assertThat(status.last(ChoicePrompt.class).id()).isEqualTo("playbook");
    }

    @Test
    void twoPeoplesConversationsDoNotMix() {
        alice.says("new altify-mcp demo");
        bob.says("new");
        alice.says("Alice app");
        bob.picks("altify-mcp");
        bob.picks("demo");
        bob.says("Bob app");
        alice.says("");
        bob.says("");
        alice.says("alice@example.com");
        bob.says("bob@example.com");
        alice.says("");
        bob.says("");

        assertThat(alice.everything().text()).contains("API name: Alice_app").doesNotContain("Bob");
        assertThat(bob.everything().text()).contains("API name: Bob_app").doesNotContain("Alice");
        alice.confirms();
        bob.confirms();
        alice.awaits("Consumer key: 3MVG9Alice_app_key");
        bob.awaits("Consumer key: 3MVG9Bob_app_key");
        assertThat(bob.everything().text()).doesNotContain("Alice_app_key");
        assertThat(provisioner.orders).extracting(o -> o.requester().id() + "=" + o.spec().app().contactEmail())
                .containsExactlyInAnyOrder("alice=alice@example.com", "bob=bob@example.com");
    }

    @Test
    void manyPeopleTalkingAtTheSameMomentEachGetTheirOwnApp() throws Exception {
        List<String> names = List.of("ann", "ben", "cat", "dan", "eve", "fay");
        ExecutorService people = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<?>> walks = new ArrayList<>();
            for (String name : names) {
                walks.add(people.submit(() -> {
                    Person p = bot.chat().as(name);
                    p.says("new altify-mcp demo");
                    p.says("App " + name);
                    p.says("");
                    p.says(name + "@example.com");
                    p.says("");
                    p.confirms();
                    p.awaits("Consumer key: 3MVG9App_" + name + "_key");
                }));
            }
            for (Future<?> walk : walks) walk.get(60, TimeUnit.SECONDS);
        } finally {
            people.shutdownNow();
        }
        assertThat(provisioner.orders).extracting(o -> o.requester().id() + "=" + o.spec().app().contactEmail())
                .containsExactlyInAnyOrderElementsOf(names.stream().map(n -> n + "=" + n + "@example.com").toList());
    }

    @Test
    void onePersonKeepsSeparateConversationsInSeparateThreads() {
        Person inThreadA = alice.inThread("thread-a");
        Person inThreadB = alice.inThread("thread-b");
        inThreadA.says("new altify-mcp demo");
        inThreadB.says("new altify-mcp prod");
        inThreadA.says("From thread A");
        assertThat(inThreadB.says("From thread B").last(FormPrompt.class).fields().get(0).defaultValue())
                .isEqualTo("From_thread_B");
        assertThat(inThreadA.says("status").text()).contains("in demo");
    }

    @Test
    void anIdleConversationExpiresWithAMessageOnTheNextWord() {
        alice.says("new altify-mcp demo");
        bot.clock().advance(Duration.ofMinutes(61));

        Transcript reply = alice.says("My app");
        assertThat(reply.text()).contains("expired after 1 hour without an answer").contains("nothing was created")
                .doesNotContain("did not understand");
        assertThat(alice.says("status").text()).contains("No conversation in progress");
    }

    @Test
    void aCommandAfterExpiryStillRuns() {
        alice.says("new altify-mcp demo");
        bot.clock().advance(Duration.ofHours(2));
        Transcript reply = alice.says("new vonage demo");
        assertThat(reply.text()).contains("expired").contains("Let's set up Vonage AI Studio in demo");
    }

    @Test
    void aConversationAnsweredWithinTheHourDoesNotExpire() {
        alice.says("new altify-mcp demo");
        bot.clock().advance(Duration.ofMinutes(50));
        alice.says("My app");
        bot.clock().advance(Duration.ofMinutes(50));
        assertThat(alice.says("").last(FormPrompt.class).id()).isEqualTo("q:contact_email");
    }

    @Test
    void theSweepExpiresIdleConversationsAndTellsTheirOwners() {
        alice.says("new altify-mcp demo");
        bot.clock().advance(Duration.ofMinutes(30));
        bob.says("new");
        bot.clock().advance(Duration.ofMinutes(31));

        assertThat(bot.engine().expireIdleConversations()).isEqualTo(1);
        assertThat(alice.everything().text()).contains("expired after 1 hour");
        assertThat(bob.everything().text()).doesNotContain("expired");
        assertThat(bob.says("status").text()).contains("pick a playbook");
    }

    @Test
    void startingAgainWhileAConversationIsOpenPointsBackToIt() {
        alice.says("new altify-mcp demo");
        Transcript again = alice.commands("new", "vonage prod");
        assertThat(again.text()).contains("already have a conversation in progress about Altify MCP servers");
        assertThat(again.last(FormPrompt.class).id()).isEqualTo("q:app_name");
    }

    @Test
    void answersAreStoredAsTypedTextAndTheSecretNeverReachesConversationState() throws Exception {
        NewAppConversationTest.walkAltifyToTheSummary(alice, "demo");
        try (Connection c = bot.database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT answers_json, stage FROM conversation_state")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("answers_json")).contains("\"contact_email\":\"sfadmins@example.com\"");
            assertThat(rs.getString("stage")).isEqualTo("CONFIRMING");
        }
        alice.confirms();
        alice.awaits("Consumer key and secret of");
        try (Connection c = bot.database().dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM conversation_state")) {
            rs.next();
            assertThat(rs.getInt(1)).as("a finished conversation leaves no state behind").isZero();
        }
    }
}
