package dev.ecabot.emulator.org;

import dev.ecabot.emulator.metadata.MetadataType;
import dev.ecabot.emulator.metadata.XmlElement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One metadata component stored in the org: an app or one of its companion settings, with the elements it was
 * deployed with (in file order) and the app it belongs to ({@code appName}, its own name for an app). Immutable.
 */
public record Component(MetadataType type, String fullName, String id, String appName, List<XmlElement> fields,
                        Instant createdDate, Instant lastModifiedDate) {

    public Component {
        fields = List.copyOf(fields);
    }

    public Optional<String> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).map(f -> f.text().trim()).findFirst();
    }

    public boolean flag(String name) {
        return field(name).map(v -> v.trim().equals("true") || v.trim().equals("1")).orElse(false);
    }

    Component updated(List<XmlElement> newFields, Instant now) {
        return new Component(type, fullName, id, appName, newFields, createdDate, now);
    }
}
