package dev.ecabot.conversation.dialogue;

import java.util.List;
import java.util.Optional;

/**
 * The orgs people may pick, by name: all the dialogue needs from the org registry (the app wires
 * {@code OrgRegistry::names}). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface OrgDirectory {

    /** Every org's name, in the order to offer them. */
    List<String> names();

    /** The org's name as configured, for a name typed in any case. */
    default Optional<String> find(String name) {
        return names().stream().filter(n -> n.equalsIgnoreCase(name.strip())).findFirst();
    }
}
