package dev.ecabot.playbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders a playbook schedules: fixed ones, and refresh token expiry worked out from the rendered policy. */
class ReminderRulesTest {

    @Test
    void fixedAndRefreshTokenRemindersFollowTheirConditions(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), """
                id: acme
                title: Acme
                vendor: Acme
                description: Acme sync.
                source: { document: Acme guide }
                delivery: key-and-secret
                activation_delay: PT15M
                questions:
                  - id: hours
                    type: number
                    required: false
                    prompt: Refresh token lifetime in hours?
                template:
                  oauth_settings: { callback_urls: [ "https://acme.example.com/cb" ], scopes: [ Api, RefreshToken ] }
                  policies: { refresh_token_policy: Infinite }
                overrides:
                  - when: { hours: { answered: true } }
                    set:
                      policies: { refresh_token_policy: SpecificLifetime, refresh_token_validity_period: "${hours}",
                                  refresh_token_validity_unit: Hours }
                reminders:
                  - kind: after
                    after: 180d
                    text: Rotate the secret of ${app_name}.
                  - kind: refresh-token-expiry
                    notice: 2h
                    text: Tokens of ${app_name} expire after ${hours} hours.
                """);
        Playbook acme = new PlaybookLoader().load(Optional.of(dir)).find("acme").orElseThrow();
        PlaybookRenderer renderer = new PlaybookRenderer();

        Rendering forever = renderer.render(acme, ShippedPlaybooks.answers()).orElseThrow();
        Rendering day = renderer.render(acme, ShippedPlaybooks.answers("hours", "24")).orElseThrow();

        assertThat(forever.activationDelay()).isEqualTo(Duration.ofMinutes(15));
        assertThat(forever.reminders()).containsExactly(
                new PlannedReminder("after", Duration.ofDays(180), "Rotate the secret of Acme Integration."));
        assertThat(day.reminders()).containsExactly(
                new PlannedReminder("after", Duration.ofDays(180), "Rotate the secret of Acme Integration."),
                new PlannedReminder("refresh-token-expiry", Duration.ofHours(22), "Tokens of Acme Integration expire after 24 hours.",
                        Duration.ofHours(2)));
    }
}
