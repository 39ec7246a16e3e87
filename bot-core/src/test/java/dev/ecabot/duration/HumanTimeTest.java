package dev.ecabot.duration;

import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.EngineSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HumanTimeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:12:00Z");

    @Test
    void anActivationTimeReadsAsADateAndTimeWithItsZoneAndHowLongFromNow() {
        // A moment each platform shows in the reader's zone (Slack) or in UTC (terminal, Teams); never a bare "about 10:42".
        String usable = HumanTime.fromNow(NOW.plus(Duration.ofMinutes(30)), NOW);
        assertThat(InlineText.parts(usable)).first().isEqualTo(new InlineText.Moment(NOW.plus(Duration.ofMinutes(30))));
        assertThat(InlineText.plain(usable)).isEqualTo("2026-03-02 10:42 UTC (30 minutes from now)");
        assertThat(HumanTime.fromNow(NOW, NOW)).isEqualTo("now");
    }

    @Test
    void durationsAreWrittenInWords() {
        assertThat(HumanTime.duration(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(HumanTime.duration(Duration.ofMinutes(135))).isEqualTo("2 hours 15 minutes");
        assertThat(HumanTime.duration(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(HumanTime.duration(Duration.ofDays(3))).isEqualTo("3 days");
    }

    @Test
    void anIdleTimeoutUnderAMinuteIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> EngineSettings.builder().idleTimeout(Duration.ofSeconds(5)))
                .hasMessageContaining("at least 1 minute");
    }
}
