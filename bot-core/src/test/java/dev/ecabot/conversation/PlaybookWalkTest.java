package dev.ecabot.conversation;

import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped playbook, walked from {@code new} to delivered credentials on the built-in demo org (the
 * in-process emulator, the real provisioning saga and vault), answering each prompt as a person would: the
 * default where one is offered, otherwise a valid value for the field's type.
 */
class PlaybookWalkTest {

    /** Answers for questions whose shape a type alone does not give. */
    private static final Map<String, String> KNOWN_ANSWERS = Map.of(
            "app_name", "Walk App",
            "contact_email", "sfadmins@example.com",
            "tenant_domain", "acme.serviceboard.example.com",
            "run_as_user", "integration@acme.example.org",
            "callback_url", "https://client.example.com/oauth/callback");

    static List<String> shippedPlaybooks() {
        return PlaybookCatalog.load().all().stream().map(Playbook::id).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedPlaybooks")
    void eachShippedPlaybookWalksFromNewToDeliveredCredentialsOnTheDemoOrg(String playbookId) {
        try (TestBot bot = TestBot.onTheDemoOrg()) {
            Person alice = bot.chat().as("alice");
            Walks.toTheSummary(alice, playbookId, "demo", KNOWN_ANSWERS);
            alice.confirms();
            Transcript done = alice.awaits("Consumer key: 3MVG9");
            assertThat(done.text()).contains("exists in demo").contains("Usable from:");

            boolean secretOffered = done.text().contains("Consumer key and secret of");
            Playbook playbook = bot.playbooks().find(playbookId).orElseThrow();
            if (secretOffered) {
                alice.revealsSecret();
                assertThat(alice.revealed()).singleElement()
                        .satisfies(r -> assertThat(r.secret().reveal()).isNotBlank());
                assertThat(alice.everything().text()).doesNotContain(alice.revealed().get(0).secret().reveal());
            } else {
                assertThat(done.all(RevealOffer.class)).isEmpty();
            }
            assertThat(playbook.id()).isEqualTo(playbookId);
        }
    }
}
