package dev.ecabot.duration;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One duration grammar for ecabot.yaml, playbooks and variables: every form either used to accept still works. */
class DurationsTest {

    @Test
    void acceptsTheShortFormsConfigsAndPlaybooksUse() {
        assertThat(Durations.parse("0", "x")).isZero();
        assertThat(Durations.parse("45s", "x")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Durations.parse("90m", "x")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("24h", "x")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("7d", "x")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse(" 3 D ", "x")).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void acceptsIso8601InAnyCase() {
        assertThat(Durations.parse("PT24H", "x")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("pt30s", "x")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("P7D", "x")).isEqualTo(Duration.ofDays(7));
        assertThat(Durations.parse("PT1H30M", "x")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void refusesWithTheSettingAndTheFormsToWrite() {
        assertThatThrownBy(() -> Durations.parse("soon", "approvals.expiry"))
                .hasMessage("approvals.expiry must be a duration like 24h, 90m, 7d, 45s or PT24H; got 'soon'");
        assertThatThrownBy(() -> Durations.parse("2w", "reminders.revealLead")).hasMessageContaining("reminders.revealLead");
        assertThatThrownBy(() -> Durations.parse("-PT1H", "ECABOT_OUTBOX_CLAIM"))
                .hasMessage("ECABOT_OUTBOX_CLAIM must not be negative; got '-PT1H'");
        assertThatThrownBy(() -> Durations.parse(null, "x")).hasMessageContaining("must be a duration");
    }
}
