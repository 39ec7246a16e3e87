package dev.ecabot.emulator.org;

import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.metadata.XmlElement;
import java.util.List;

/** What one successful deploy does to the org: components to create or update, then components to delete. */
public record ChangeSet(List<Upsert> upserts, List<Deletion> deletions) {

    public ChangeSet {
        upserts = List.copyOf(upserts);
        deletions = List.copyOf(deletions);
    }

    /** Create or update one component; {@code appName} is the app it belongs to (itself for an app). */
    public record Upsert(MetadataType type, String fullName, String appName, List<XmlElement> fields) {
    }

    public record Deletion(MetadataType type, String fullName) {
    }

    /** What happened to one component, for the deploy's componentSuccesses. */
    public record Applied(MetadataType type, String fullName, String id, boolean created, boolean changed,
                          boolean deleted) {
    }
}
