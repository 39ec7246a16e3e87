package dev.ecabot.conversation.command.inventory;

import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.conversation.command.ChatCommand;
import dev.ecabot.conversation.command.CommandCall;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Person;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code delete <api-name> [org] [because <reason>]}: asks for confirmation (a button, or the same command ending in
 * "confirm"), then deletes the app from its org, marks it deleted and cancels its reminders. Where the org needs
 * approvals, it instead becomes an approval request (the reason is required; the approvers' decision replaces the
 * confirmation) and runs once approved. Admins only; the check runs again on confirmation.
 */
public final class DeleteCommand implements ChatCommand {

    private final ChangeApprovals approvals;
    private final AppLookup apps;

    public DeleteCommand(ChangeApprovals approvals, AppLookup apps) {
        this.approvals = approvals;
        this.apps = apps;
    }

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public String usage() {
        return "delete <api-name> [org] [because <reason>]";
    }

    @Override
    public String summary() {
        return "delete an app from its org (admins; asks to confirm)";
    }

    @Override
    public void run(CommandCall call) {
        // a button press appends its value after any "because <reason>": take it off before reading the reason
        java.util.regex.Matcher pressed = java.util.regex.Pattern.compile("(?i)\\s+(" + Confirmation.CONFIRM + "|"
                + Confirmation.CANCEL + ")$").matcher(call.arguments());
        String pressedValue = pressed.find() && call.arguments().toLowerCase(java.util.Locale.ROOT).contains(" because ")
                ? pressed.group(1).toLowerCase(java.util.Locale.ROOT) : "";
        ChangeApprovals.Asked asked = ChangeApprovals.Asked.of(pressedValue.isEmpty() ? call.arguments()
                : call.arguments().substring(0, pressed.start()));
        List<String> words = new ArrayList<>(asked.words());
        String answer = !pressedValue.isEmpty() ? pressedValue
                : words.isEmpty() ? "" : words.get(words.size() - 1).toLowerCase(java.util.Locale.ROOT);
        boolean confirmed = answer.equals(Confirmation.CONFIRM);
        boolean cancelled = answer.equals(Confirmation.CANCEL);
        if (pressedValue.isEmpty() && (confirmed || cancelled)) words.remove(words.size() - 1);
        if (words.isEmpty() || words.size() > 2) {
            call.replies().warn("Say \"delete <api-name>\", e.g. \"delete Vonage_Prod\" (add the org if several have it).");
            return;
        }
        if (cancelled) {
            call.replies().say("Not deleted: " + words.get(0) + " stays as it is.");
            return;
        }
        Optional<InventoryApp> found = apps.find("delete", words.get(0), words.size() == 2 ? words.get(1) : null, call.replies());
        if (found.isEmpty()) return;
        InventoryApp app = found.get();
        if (app.status() == AppStatus.DELETED) {
            call.replies().warn(app.apiName() + " in " + app.org() + " is already deleted.");
            return;
        }
        if (approvals.approvalsNeeded(ApprovalPurpose.DELETE, app) > 0) {
            approvals.request(ApprovalPurpose.DELETE, app, call.event().user(), asked.reason(), call.replies());
            return;
        }
        if (!confirmed) {
            call.replies().send(confirmation(app, asked.reason()));
            return;
        }
        approvals.changes().delete(app, call.event().user().ref(), asked.reason(), call.replies());
    }

    private static Confirmation confirmation(InventoryApp app, String reason) {
        List<Fact> facts = List.of(
                new Fact("", "Org", app.org()),
                new Fact("", "Playbook", app.playbookOrUnknown() + (app.vendor() == null ? "" : " (" + app.vendor() + ")")),
                new Fact("", "Requested by", app.requester() == null ? "unknown" : Person.inTextOrAsIs(app.requester())),
                new Fact("", "Consumer key", app.consumerKey() == null ? "unknown" : app.consumerKey()));
        Summary summary = new Summary("Delete " + app.label() + " (" + app.apiName() + ") from " + app.org()
                + "? Every integration using it stops working at once; this cannot be undone.", facts, List.of(), List.of());
        // the button runs "delete <app> <org> [because <reason>] confirm": the reason reaches the audit trail too
        String because = reason.isBlank() ? "" : " because " + reason.strip();
        return new Confirmation(CommandCall.promptId("delete", app.apiName() + " " + app.org() + because), summary,
                "Delete it", "Keep it");
    }
}
