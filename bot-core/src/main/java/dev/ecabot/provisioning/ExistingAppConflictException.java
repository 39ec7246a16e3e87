package dev.ecabot.provisioning;

import dev.ecabot.eca.SettingDifference;
import dev.ecabot.inventory.InventoryApp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The org already has an app with the requested API name that the request did not make (made by another request,
 * or outside the bot). It was left as it is, and its credentials are never handed to this request.
 */
public final class ExistingAppConflictException extends ProvisioningException {

    private final List<SettingDifference> differences;

    public ExistingAppConflictException(String org, String apiName, InventoryApp known, List<SettingDifference> differences) {
        super(describe(org, apiName, known) + (differences.isEmpty() ? "" : "\nIts settings differ from the request:\n"
                + differences.stream().map(d -> "- " + d.describe()).collect(Collectors.joining("\n"))), true, null);
        this.differences = List.copyOf(differences);
    }

    /** Who owns the app {@code known} (null: not in the inventory, made outside the bot), and what to do instead. */
    public static String describe(String org, String apiName, InventoryApp known) {
        String owner = known == null ? "it was not made by this bot"
                : "requested by " + known.requester() + " on " + known.createdAt().toString().substring(0, 10)
                        + (known.playbookId() == null ? "" : " with playbook " + known.playbookId());
        return "Org '" + org + "' already has an app named " + apiName + " (" + owner + "), so nothing was changed and "
                + "its credentials stay with its owner. Choose another API name; to change that app, its owner or an "
                + "admin updates it.";
    }

    public List<SettingDifference> differences() {
        return differences;
    }
}
