package dev.ecabot.conversation.dialogue;

import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What approvers see: an approval card (a {@link Confirmation} whose buttons approve or deny) showing exactly what
 * was asked, bound to the request's fingerprint through its prompt id ({@code approval:<id>:<fingerprint>}), and
 * the form asking a denial's reason ({@code deny:<id>}).
 */
public final class ApprovalCards {

    public static final String PREFIX = "approval:";
    public static final String DENY_PREFIX = "deny:";
    public static final String REASON_FIELD = "reason";

    /** The request and the fingerprint of the content the approver was shown. */
    public record Card(String requestId, String fingerprint) { }

    private ApprovalCards() {
    }

    public static Card parse(String promptId) {
        String rest = promptId.substring(PREFIX.length());
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? new Card(rest, "") : new Card(rest.substring(0, colon), rest.substring(colon + 1));
    }

    static Confirmation card(ApprovalRequest request, String requesterName) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Request", "Request", request.id()));
        facts.add(new Fact("Request", "Requested by", requesterName + " (" + request.requester() + ")"));
        facts.add(new Fact("Request", "Org", request.org()));
        facts.add(new Fact("Request", "Playbook", request.playbook()));
        facts.add(new Fact("Request", "Reason", request.draft().reason()));
        facts.add(new Fact("Request", "Approvals", request.approvedBy().size() + " of " + request.requiredApprovals()));
        for (Map.Entry<String, String> s : request.draft().settings().entrySet()) {
            int split = s.getKey().indexOf(": ");
            facts.add(split < 0 ? new Fact("Settings", s.getKey(), s.getValue())
                    : new Fact(s.getKey().substring(0, split), s.getKey().substring(split + 2), s.getValue()));
        }
        return new Confirmation(PREFIX + request.id() + ":" + request.fingerprint(),
                new Summary("Approval needed: " + requesterName + " asks to create " + request.apiName() + " in "
                        + request.org() + ". Approve only what is shown here.", facts, List.of(),
                        List.of("Or say \"approve " + request.id() + "\" / \"deny " + request.id() + " <reason>\".")),
                "Approve", "Deny");
    }

    public static FormPrompt denyReasonForm(String requestId) {
        return new FormPrompt(DENY_PREFIX + requestId, "Why deny request " + requestId + "?",
                List.of(new FormField(REASON_FIELD, "Reason (the requester reads it)", FieldType.TEXT, null, true,
                        null, List.of(), null)));
    }
}
