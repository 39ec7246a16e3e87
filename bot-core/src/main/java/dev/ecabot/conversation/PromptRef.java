package dev.ecabot.conversation;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What a button, menu or form answers: the one typed reference the engine routes by and every adapter writes into
 * its platform's payload (a Slack block id, a Teams card's data, the terminal's numbered options) as the string of
 * {@link #encode()} and reads back with {@link #decode(String)}. One codec, so a playbook question named
 * {@code approval}, {@code reveal} or {@code confirm} is never taken for the bot's own buttons of that name.
 *
 * <p>Wire forms: a playbook question is {@code q:<id>}; a button that runs a command is {@code command:<line>}; the
 * form asking why a request is denied is {@code deny-reason:<request id>}; the bot's own fixed prompts are their
 * names ({@link Fixed}). Cards posted before this codec are still understood: their forms were the same except that a
 * question was its bare id, so any other string decodes to that question (a legacy bare {@code approval} button is
 * the approval card's, as it always was).
 */
public sealed interface PromptRef {

    String QUESTION = "q:";
    String COMMAND = "command:";
    String DENY_REASON = "deny-reason:";

    /** The string a platform payload carries for this reference. */
    String encode();

    /** The reference a platform payload carried; never fails (an unknown string is a legacy question id). */
    static PromptRef decode(String wire) {
        Objects.requireNonNull(wire, "wire");
        if (wire.startsWith(QUESTION)) return new Question(wire.substring(QUESTION.length()));
        if (wire.startsWith(COMMAND)) return new Command(wire.substring(COMMAND.length()));
        if (wire.startsWith(DENY_REASON)) return new DenyReason(wire.substring(DENY_REASON.length()));
        Optional<Fixed> fixed = Arrays.stream(Fixed.values()).filter(f -> f.wire.equals(wire)).findFirst();
        return fixed.isPresent() ? fixed.get() : new Question(wire);
    }

    /** A playbook question, answered within its requester's conversation; the answer is the option's value. */
    record Question(String id) implements PromptRef {
        public Question {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String encode() {
            return QUESTION + id;
        }
    }

    /**
     * A button that runs a command again: {@code line} is the command's name and arguments, the pressed option's value
     * is appended ("delete Vonage_Prod demo" + "confirm").
     */
    record Command(String line) implements PromptRef {
        public Command {
            Objects.requireNonNull(line, "line");
        }

        public static Command of(String command, String arguments) {
            return new Command(command + " " + arguments);
        }

        /** The command's name. */
        public String name() {
            return line.strip().split("\\s+", 2)[0];
        }

        /** The arguments of the line with {@code value} appended. */
        public String argumentsWith(String value) {
            String[] call = line.strip().split("\\s+", 2);
            return ((call.length > 1 ? call[1] : "") + " " + value).strip();
        }

        @Override
        public String encode() {
            return COMMAND + line;
        }
    }

    /** The form an approver fills in to say why request {@code requestId} is denied. */
    record DenyReason(String requestId) implements PromptRef {
        public DenyReason {
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public String encode() {
            return DENY_REASON + requestId;
        }
    }

    /**
     * The bot's own prompts with no payload in their reference (what they act on is the pressed option's value: the
     * offer id of a Reveal button, "approve id fingerprint" / "deny id" of an approval card's).
     */
    enum Fixed implements PromptRef {
        /** Approve / Deny on an approval card; anyone allowed may press them, wherever the card is. */
        APPROVAL("approval"),
        /** The Reveal button of a reveal offer; value: the offer id. */
        REVEAL("reveal"),
        /** "Create it" / "Cancel" under the summary of a new app. */
        CONFIRM("confirm"),
        /** Which playbook a new app is for. */
        PLAYBOOK("playbook"),
        /** Which org a new app is created in. */
        ORG("org-choice"),
        /** The reason approvers will read, asked before an approval request is sent. */
        APPROVAL_REASON("approval-reason");

        private final String wire;

        Fixed(String wire) {
            this.wire = wire;
        }

        @Override
        public String encode() {
            return wire;
        }
    }

    /**
     * True for a prompt that belongs to nobody's conversation (a card anyone allowed may press, a command's own
     * button): answered by running a command, not by the dialogue in progress.
     */
    default boolean runsACommand() {
        return this == Fixed.APPROVAL || this == Fixed.REVEAL || this instanceof Command || this instanceof DenyReason;
    }
}
