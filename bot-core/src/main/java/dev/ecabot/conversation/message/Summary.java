package dev.ecabot.conversation.message;

import java.util.List;
import java.util.Objects;

/** A titled list of facts, with warnings and notes (numbered steps, for instance) below it. */
public record Summary(String title, List<Fact> facts, List<String> warnings, List<String> notes)
        implements ChatMessage {

    public Summary {
        Objects.requireNonNull(title, "title");
        facts = List.copyOf(facts);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitSummary(this);
    }
}
