package dev.ecabot.inventory;

import dev.ecabot.salesforce.SalesforceException;
import dev.ecabot.salesforce.StagedSlot;

/**
 * A rotation found the app's staged slot full (Salesforce holds one staged pair at a time, and the pair a rotation
 * replaced stays there for 30 days), so staging a new pair would fail. Nothing was changed. Says what the slot holds
 * and how to revoke it and go on.
 */
public final class StagedSlotOccupiedException extends SalesforceException {

    private final StagedSlot slot;

    public StagedSlotOccupiedException(String org, String apiName, StagedSlot slot) {
        super(describe(apiName, slot) + " Salesforce holds one staged pair at a time, so a new rotation cannot start"
                + " while it is there. Nothing was changed. To revoke " + (slot.rotatedOut() ? "that old pair (integrations"
                + " still using it stop working at once)" : "that staged pair") + " and rotate, say \"rotate " + apiName
                + " " + org + " revoke-old\".");
        this.slot = slot;
    }

    public StagedSlot slot() {
        return slot;
    }

    static String describe(String apiName, StagedSlot slot) {
        String key = slot.consumerKey() == null ? "" : " (key " + slot.consumerKey() + ")";
        String until = slot.expirationDate() == null ? "" : ", valid until " + slot.expirationDate();
        return slot.rotatedOut()
                ? "The staged slot of " + apiName + " holds the pair replaced by an earlier rotation" + key + until + "."
                : "The staged slot of " + apiName + " holds a pair staged but never promoted" + key + until + ".";
    }
}
