package dev.ecabot.conversation.message;

import java.util.List;
import java.util.Objects;

/**
 * Where a long task stands: a title and its steps, each pending, running, done or failed. Posted once and
 * then edited in place (through the {@code MessageRef} the port returned) as steps advance.
 */
public record ProgressUpdate(String title, List<Step> steps) implements ChatMessage {

    public enum State { PENDING, RUNNING, DONE, FAILED }

    /** One step: its label, its state and an optional detail (a failure reason, a count). */
    public record Step(String label, State state, String detail) {
        public Step {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(state, "state");
        }
    }

    public ProgressUpdate {
        Objects.requireNonNull(title, "title");
        steps = List.copyOf(steps);
    }

    /** The step running now, else the last one that finished; null when none started. */
    public Step current() {
        Step last = null;
        for (Step s : steps) {
            if (s.state() == State.RUNNING || s.state() == State.FAILED) return s;
            if (s.state() == State.DONE) last = s;
        }
        return last;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitProgress(this);
    }
}
