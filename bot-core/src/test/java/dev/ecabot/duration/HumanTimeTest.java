package dev.ecabot.duration;

import dev.ecabot.conversation.EngineSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HumanTimeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:12:00Z");

    @Test
    void anActivationTimeReadsAsAClockTimeAndHowLongFromNow() {
        assertThat(HumanTime.fromNow(NOW.plus(Duration.ofMinutes(30)), NOW, ZoneOffset.UTC))
                .isEqualTo("about 10:42, 30 minutes from now");
        assertThat(HumanTime.fromNow(NOW.plus(Duration.ofMinutes(30)), NOW, ZoneId.of("Europe/Paris")))
                .isEqualTo("about 11:42, 30 minutes from now");
        assertThat(HumanTime.fromNow(NOW, NOW, ZoneOffset.UTC)).isEqualTo("now");
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
