package dev.ecabot.playbook;

import java.util.List;

/**
 * Thrown when playbook files are broken: start-up must stop. {@link #problems()} holds one line per problem,
 * {@code file: $.json.path: what is wrong}; the message lists them all.
 */
public final class PlaybookLoadException extends RuntimeException {

    private final List<String> problems;

    public PlaybookLoadException(List<String> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the playbooks:\n"
                + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
