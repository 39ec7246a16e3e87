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

/**
 * Who may run what, through the one access filter in front of every command, as a table of scenarios: alice
 * requests, bob approves, dave administers, zoe has no role. {@code help} shows each only what they may run.
 */
class AccessConversationTest {

    static final RolesConfig ROLES = new RolesConfig(List.of(Grantee.parse("test:alice")),
            List.of(Grantee.parse("test:bob")), List.of(Grantee.parse("test:dave")));

    private final RecordingProvisioner provisioner = new RecordingProvisioner();
    private final TestBot bot = new TestBot(provisioner, List.of("demo", "prod"),
            TestBot.Options.defaults().withRoles(ROLES));

    @AfterEach
    void close() {
        bot.close();
    }

    @ParameterizedTest(name = "{0} says \"{1}\": allowed={2}")
    @CsvSource({
            "alice, orgs, true",
            "alice, new, true",
            "alice, approve 42, false",
            "alice, deny 42 no, false",
            "alice, reminders, true",
            "bob, orgs, true",
            "bob, new, false",
            "bob, approve 42, true",
            "bob, reveal 42, false",
            "dave, new, true",
            "dave, approve 42, false",
            "dave, reminders demo, true",
            "zoe, orgs, false",
            "zoe, new, false",
            "zoe, inventory, false",
            "zoe, status, false",
            "zoe, help, true",
    })
    void everyCommandPassesTheAccessFilter(String who, String said, boolean allowed) {
        String reply = bot.chat().as(who).says(said).text();
        String command = said.split(" ")[0];
        if (allowed) {
            assertThat(reply).doesNotContain("You may not run `" + command + "`");
        } else {
            assertThat(reply).contains("You may not run `" + command + "`: it needs the")
                    .contains("Ask a bot admin (test:dave) to add you (test:" + who + ")");
        }
    }

    @Test
    void helpShowsEachPersonOnlyWhatTheyMayRun() {
        String forAlice = bot.chat().as("alice").says("help").text();
        assertThat(forAlice).contains("new [playbook] [org]:", "reveal [offer]:", "reminders [org] [api-name]:")
                .doesNotContain("approve <request>:", "deny <request> <reason>:");

        String forBob = bot.chat().as("bob").says("help").text();
        assertThat(forBob).contains("approve <request>:", "deny <request> <reason>:", "inventory [org] [vendor]:")
                .doesNotContain("new [playbook] [org]:", "reveal [offer]:");

        String forZoe = bot.chat().as("zoe").says("help").text();
        assertThat(forZoe).doesNotContain("new [playbook]", "orgs:", "inventory")
                .contains("You have no role with this bot yet").contains("(test:zoe)");
    }

    @Test
    void freeTextNamingAVendorIsRefusedToSomeoneWhoMayNotRequest() {
        Person zoe = bot.chat().as("zoe");
        assertThat(zoe.says("I need a Vonage app in demo").text()).contains("You may not run `new`");
        assertThat(zoe.says("status").text()).contains("You may not run `status`");
        assertThat(provisioner.orders).isEmpty();
    }

    @Test
    void aRefusalIsTheSameForASlashCommandAsForTypedText() {
        assertThat(bot.chat().as("bob").commands("new", "vonage demo").text())
                .contains("You may not run `new`: it needs the admin or requester role");
    }
}
