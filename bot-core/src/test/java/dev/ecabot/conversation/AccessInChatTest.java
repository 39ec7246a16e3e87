package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command passes the access filter; help shows each person only what they may run. */
class AccessInChatTest {

    /** alice requests, victor approves, ada administers; anyone else in the test chat has no role. */
    private final TestBot bot = new TestBot(new RecordingProvisioner()).withRoles(new RolesConfig(
            List.of(Grantee.parse("test:alice")), List.of(Grantee.parse("test:victor")),
            List.of(Grantee.parse("test:ada"))));

    @AfterEach
    void close() {
        bot.close();
    }

    @ParameterizedTest(name = "{0} says \"{1}\": allowed={2}")
    @CsvSource({
            "alice,  new,        true",
            "alice,  inventory,  true",
            "victor, new,        false",
            "victor, inventory,  true",
            "ada,    new,        true",
            "mallory, new,       false",
            "mallory, orgs,      false",
            "mallory, help,      true",
    })
    void commandsFollowTheRolesTable(String who, String command, boolean allowed) {
        String reply = bot.chat().as(who).says(command).text();
        if (allowed) assertThat(reply).doesNotContain("You may not run");
        else assertThat(reply).contains("You may not run `" + command + "`").contains("test:" + who);
    }

    @Test
    void helpListsOnlyTheCommandsThePersonMayRun() {
        assertThat(bot.chat().as("victor").says("help").text()).contains("inventory [org]:").doesNotContain("new [playbook]");
        assertThat(bot.chat().as("mallory").says("help").text()).contains("You have no role with this bot yet")
                .contains("test:mallory");
    }

    @Test
    void freeTextCannotStartWhatTheCommandMayNot() {
        Person mallory = bot.chat().as("mallory");
        assertThat(mallory.says("I need a Vonage app in demo").text()).contains("You may not run `new`");
        assertThat(mallory.says("status").text()).contains("You may not run `status`");
    }
}
