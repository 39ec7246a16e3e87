package dev.ecabot.posture;

import java.util.List;

/** A posture rule file that cannot be used: its message names the file and every problem, one per line. */
public final class PostureRulesException extends RuntimeException {

    private final List<String> problems;

    public PostureRulesException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
