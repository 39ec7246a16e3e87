package dev.ecabot.conversation.command.inventory;

import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.inventory.InventoryApp;

import java.util.List;
import java.util.Optional;

/**
 * {@code rotate <api-name> [org] [revoke-old] [because <reason>]}: new consumer key and secret (staged, then
 * promoted), offered once to the person who asked; the old pair keeps working 30 days, with a reminder before it
 * stops. When the staged slot is still full (a rotation less than 30 days ago), nothing changes and the reply says
 * what is there; {@code revoke-old} confirms revoking it first. Where the org
 * needs approvals, it becomes an approval request (the reason is required; a {@code revoke-old} confirmation travels
 * with it) and runs once approved. Admins only.
 */
public final class RotateCommand implements ChatCommand {

    private final ChangeApprovals approvals;
    private final AppLookup apps;

    public RotateCommand(ChangeApprovals approvals, AppLookup apps) {
        this.approvals = approvals;
        this.apps = apps;
    }

    @Override
    public String name() {
        return "rotate";
    }

    @Override
    public String usage() {
        return "rotate <api-name> [org] [revoke-old] [because <reason>]";
    }

    @Override
    public String summary() {
        return "new consumer key and secret for an app (the old pair works 30 more days)";
    }

    @Override
    public void run(CommandCall call) {
        ChangeApprovals.Asked asked = ChangeApprovals.Asked.of(call.arguments());
        List<String> words = new java.util.ArrayList<>(asked.words());
        // "revoke-old": the admin confirms that the pair holding the staged slot may be revoked first.
        boolean revokeSlotFirst = !words.isEmpty() && words.get(words.size() - 1).equalsIgnoreCase("revoke-old");
        if (revokeSlotFirst) words.remove(words.size() - 1);
        Optional<InventoryApp> app = apps.find("rotate", words, "Vonage_Prod",
                "; where approval is needed, end with \"because <reason>\"", call.replies());
        if (app.isEmpty()) return;
        if (approvals.approvalsNeeded(ApprovalPurpose.ROTATE, app.get()) > 0) {
            approvals.request(ApprovalPurpose.ROTATE, app.get(), call.event().user(), asked.reason(), revokeSlotFirst,
                    call.replies());
            return;
        }
        approvals.changes().rotate(app.get(), call.event().user().ref(), revokeSlotFirst, asked.reason(), call.replies());
    }
}
