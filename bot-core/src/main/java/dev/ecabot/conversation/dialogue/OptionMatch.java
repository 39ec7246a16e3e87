package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.message.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the option a person meant by what they typed: its value, its label (case ignored) or its number in the
 * list as shown (1-based), so "2", "demo" and "Demo" all pick the same option on every platform.
 */
final class OptionMatch {

    private OptionMatch() {
    }

    /** "1, 3" becomes "Full, RefreshToken" (the options' values); any other text is returned as typed. */
    static String numbersToValues(List<Option> options, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!text.matches("\\d{1,3}(\\s*,\\s*\\d{1,3})*")) return typed;
        List<String> values = new ArrayList<>();
        for (String n : text.split("\\s*,\\s*")) {
            int i = Integer.parseInt(n);
            if (i < 1 || i > options.size()) return typed; // let the question's own check explain the problem
            values.add(options.get(i - 1).value());
        }
        return String.join(", ", values);
    }

    static Optional<Option> find(List<Option> options, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) return Optional.empty();
        if (text.matches("\\d{1,3}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= options.size()) return Optional.of(options.get(n - 1));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return options.stream()
                .filter(o -> o.value().toLowerCase(Locale.ROOT).equals(lower)
                        || o.label().toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }
}
