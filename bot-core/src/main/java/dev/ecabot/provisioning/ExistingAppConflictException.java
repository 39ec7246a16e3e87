package dev.ecabot.provisioning;

import java.util.List;
import java.util.stream.Collectors;

/** The org already has an app with this API name but other settings; it was left as it is. */
public final class ExistingAppConflictException extends ProvisioningException {

    private final List<SettingDifference> differences;

    public ExistingAppConflictException(String org, String apiName, List<SettingDifference> differences) {
        super("Org '" + org + "' already has an app named " + apiName + " with different settings, so nothing was changed:\n"
                + differences.stream().map(d -> "- " + d.describe()).collect(Collectors.joining("\n"))
                + "\nPick another API name, or ask to update the existing app.", true, null);
        this.differences = List.copyOf(differences);
    }

    public List<SettingDifference> differences() {
        return differences;
    }
}
