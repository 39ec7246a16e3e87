package dev.ecabot.conversation.inventory;

import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;
import dev.ecabot.emulator.usage.OAuthUsageLog;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.usage.TokenReminders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code usage <org>} on the emulated demo org, whose OAuth usage resources report two users of an app with
 * 30-day refresh tokens: the report names them, each gets one reminder (to the app's owner) however often usage is
 * read, and apps nobody used for 90 days are offered for deletion through {@code delete}.
 */
class UsageConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person admin = bot.chat().as("admin");
    private final Person carol = bot.chat().as("carol");
    private OAuthUsageLog usage;

    @BeforeEach
    void anAppWithThirtyDayTokensImportedAndOwnedByCarol() {
        usage = bot.emulatedOrg().emulator().oauthUsage();
        EcaSpec spec = new EcaSpec(AppInfo.local("Harbor_Sync", "Harbor Sync", "ops@example.com"),
                GlobalOauthSettings.builder().callbackUrls("https://harbor.example.com/cb").refreshTokenRotationEnabled(true).build(),
                OauthSettings.of(List.of(OauthScope.API, OauthScope.REFRESH_TOKEN)),
                OauthPolicies.builder().refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 30, RefreshTokenValidityUnit.DAYS).build());
        DemoOrgApps.deployBehindTheBotsBack(bot, spec);
        admin.says("sync demo");
        admin.awaits("Sync of demo");
        admin.says("owner Harbor_Sync @carol");
        usage.record("Harbor_Sync", "005000000000001AAA", "ana@acme.example.com", TestBot.START.minus(Duration.ofDays(20)),
                TestBot.START.minus(Duration.ofDays(1)), 12);
        usage.record("Harbor_Sync", "005000000000002AAA", "ben@acme.example.com", TestBot.START.minus(Duration.ofDays(5)),
                TestBot.START.minus(Duration.ofHours(3)), 3);
    }

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void usageNamesEachUserWithTheirTokensExpiryAndRemindsTheOwnerOncePerUser() {
        admin.says("usage demo");
        String report = admin.awaits("Usage in demo").text();
        assertThat(report).contains("Usage in demo: 1 app(s), 1 in use.")
                .contains("ana@acme.example.com: token issued 2026-02-10 10:12 UTC, last used 2026-03-01 10:12 UTC, 12 use(s), "
                        + "expires 2026-03-12 10:12 UTC")
                .contains("ben@acme.example.com: token issued 2026-02-25 10:12 UTC")
                .contains("2 new reminder(s) before users' refresh tokens expire");

        List<Reminder> reminders = tokenReminders();
        assertThat(reminders).hasSize(2).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.REFRESH_TOKEN_EXPIRING);
            assertThat(r.recipient().address()).isEqualTo("test:carol");
        });
        assertThat(reminders).anySatisfy(r -> {
            assertThat(r.text()).startsWith("The refresh token ana@acme.example.com holds for Harbor_Sync in demo expires at "
                    + "2026-03-12T10:12:00Z");
            assertThat(r.dueAt()).isEqualTo(TestBot.START.plus(Duration.ofDays(3)));
        });

        admin.says("usage demo");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.everything().all(dev.ecabot.conversation.message.Summary.class)
                .stream().filter(s -> s.title().startsWith("Usage in demo")).count() == 2);
        assertThat(tokenReminders()).hasSize(2);

        bot.startReminders();
        carol.awaits("ben@acme.example.com holds for Harbor_Sync");
        carol.awaits("ana@acme.example.com holds for Harbor_Sync");
        admin.says("usage demo");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.everything().all(dev.ecabot.conversation.message.Summary.class)
                .stream().filter(s -> s.title().startsWith("Usage in demo")).count() == 3);
        assertThat(carol.everything().text().split("ana@acme.example.com holds for", -1)).hasSize(2);
    }

    @Test
    void appsNobodyUsedForNinetyDaysAreOfferedForDeletionThroughDelete() {
        bot.clock().advance(Duration.ofDays(100));
        admin.says("usage demo");
        ChoicePrompt offer = admin.awaits("Unused for 90 days or more").last(ChoicePrompt.class);
        assertThat(admin.everything().text()).contains("Harbor_Sync has not been used for 100 days (limit 90)");
        assertThat(offer.options()).singleElement().satisfies(o -> {
            assertThat(o.value()).isEqualTo("Harbor_Sync demo");
            assertThat(o.label()).isEqualTo("Delete Harbor_Sync");
        });
        Confirmation confirm = admin.presses(offer.id(), offer.options().get(0).value()).last(Confirmation.class);
        assertThat(confirm.summary().title()).startsWith("Delete Harbor Sync (Harbor_Sync) from demo?");
    }

    @Test
    void onlyApproversAndAdminsReadUsage() {
        assertThat(carol.says("usage demo").text()).contains("You may not run `usage`");
    }

    private List<Reminder> tokenReminders() {
        return bot.reminders().forApp("demo", "Harbor_Sync").stream()
                .filter(r -> r.id().startsWith(TokenReminders.ID_PREFIX)).toList();
    }
}
