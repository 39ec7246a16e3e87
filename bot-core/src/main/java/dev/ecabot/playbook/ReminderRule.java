package dev.ecabot.playbook;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A reminder a playbook schedules once the app exists, when its condition holds. {@link Kind#REFRESH_TOKEN_EXPIRY}
 * fires {@code notice} before the refresh token lifetime the rendered policy sets runs out (skipped when tokens
 * never expire); {@link Kind#AFTER} fires {@code after} the app is created. The text may refer to answers.
 */
public record ReminderRule(Kind kind, Condition when, Duration notice, Duration after, String text) {

    public ReminderRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        when = when == null ? Condition.always() : when;
        notice = notice == null ? Duration.ZERO : notice;
    }

    public enum Kind {
        REFRESH_TOKEN_EXPIRY("refresh-token-expiry"), AFTER("after");

        private final String yamlName;

        Kind(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        public static Kind fromYaml(String name) {
            for (Kind k : values()) {
                if (k.yamlName.equals(name.toLowerCase(Locale.ROOT))) return k;
            }
            throw new IllegalArgumentException("'" + name + "' is not a reminder kind; use refresh-token-expiry or after");
        }
    }
}
