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

    /** The API version the bot calls for the org ({@code apiVersion} in ecabot.yaml), when this directory knows it. */
    default Optional<String> apiVersion(String org) {
        return Optional.empty();
    }

    /** The orgs of a registry, with their API versions. */
    static OrgDirectory of(dev.ecabot.salesforce.OrgRegistry registry) {
        return new OrgDirectory() {
            @Override
            public List<String> names() {
                return registry.names();
            }

            @Override
            public Optional<String> apiVersion(String org) {
                return registry.find(org).map(dev.ecabot.salesforce.Org::apiVersion);
            }
        };
    }
}
