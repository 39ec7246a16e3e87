package dev.ecabot.conversation.approvals;

import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.PromptRef;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;

import java.util.List;

/**
 * The form that asks an approver why they deny a request (after the card's Deny button, or {@code deny <id>}
 * without a reason). Its id is {@link PromptRef.DenyReason}; the engine turns the submission back into
 * {@code deny <id> <reason>}.
 */
public final class DenyReasons {

    static final String FIELD = "reason";

    private DenyReasons() {
    }

    static FormPrompt form(String requestId) {
        return new FormPrompt(new PromptRef.DenyReason(requestId).encode(), "Why do you deny request " + requestId + "? The requester will read it.",
                List.of(new FormField(FIELD, "Reason", FieldType.TEXT, null, true, null, List.of(), null)));
    }

    /** "deny"'s arguments for a submitted reason form: the request id, then the reason. */
    public static String commandArguments(PromptRef.DenyReason denied, ChatEvent.FormSubmission form) {
        String requestId = denied.requestId();
        String reason = form.values().getOrDefault(FIELD, "").strip();
        // someone who re-types the whole command at the reason prompt means only the reason
        java.util.regex.Matcher retyped = java.util.regex.Pattern.compile("(?is)^/?deny\\s+(\\S+)\\s*(.*)$").matcher(reason);
        if (retyped.matches() && retyped.group(1).equalsIgnoreCase(requestId)) reason = retyped.group(2).strip();
        return requestId + " " + reason;
    }
}
