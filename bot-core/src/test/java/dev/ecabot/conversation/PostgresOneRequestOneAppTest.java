package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.PostgresTestDatabase;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster on one PostgreSQL: when the instance creating an app dies, the instances left (here two, looking at the
 * same moment) take its request over exactly once, and its requester gets one app and one secret.
 */
class PostgresOneRequestOneAppTest {

    @Test
    void twoInstancesLookingForInterruptedWorkAtOnceResumeItOnce() throws Exception {
        try (TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults(), PostgresTestDatabase.openFreshSchema())) {
            Person alice = bot.chat().as("alice");
            bot.chat().killTheBotWhenItSends(m -> m instanceof ProgressUpdate p && p.steps().stream()
                    .anyMatch(s -> s.label().equals("Deployed") && s.state() == ProgressUpdate.State.DONE));
            Walks.toTheSummary(alice, "altify-mcp", "demo", Map.of("app_name", "Cluster App", "contact_email", "ops@example.com"));
            alice.confirms();
            bot.chat().awaitTheKill();

            bot.restart().afterTheLeasesOfTheOldInstanceExpire();
            try (TestBot.SecondInstance second = bot.secondInstance()) {
                ExecutorService both = Executors.newFixedThreadPool(2);
                List<Future<Integer>> resumed = both.invokeAll(List.<Callable<Integer>>of(
                        () -> bot.engine().resumeInterruptedProvisioning(),
                        () -> second.engine().resumeInterruptedProvisioning()));
                both.shutdown();

                assertThat(resumed.get(0).get() + resumed.get(1).get()).as("instances that took the request over").isEqualTo(1);
                alice.awaits("Consumer key and secret of Cluster_App");
                alice.revealsSecret();
                assertThat(alice.revealed()).singleElement().satisfies(r -> assertThat(r.secret().reveal())
                        .isEqualTo(bot.emulatedOrg().emulator().org().consumer("Cluster_App").orElseThrow().secret()));
                assertThat(bot.emulatedOrg().emulator().org().apps()).hasSize(1);
                assertThat(alice.everything().text().split("picking up where it stopped", -1)).hasSize(2);
            }
        }
    }
}
