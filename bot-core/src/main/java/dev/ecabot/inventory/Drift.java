package dev.ecabot.inventory;

import dev.ecabot.eca.SettingDifference;

import java.util.List;

/**
 * An app whose settings in its org differ from those it was made with: each differing setting, with the value it
 * was made with and the value now in the org. Immutable.
 */
public record Drift(InventoryApp app, List<SettingDifference> differences) {

    public Drift {
        differences = List.copyOf(differences);
    }

    /** One line per setting: {@code policies.ipRelaxation: ENFORCE -> BYPASS} (made with -> now in the org). */
    public List<String> lines() {
        return differences.stream().map(d -> d.setting() + ": " + d.requested() + " -> " + d.inOrg()).toList();
    }
}
