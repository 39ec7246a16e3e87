package dev.ecabot.conversation.approvals;

import dev.ecabot.approval.ApprovalPurpose;
import dev.ecabot.approval.ApprovalRequest;

/**
 * What chat says about each approval purpose, in one place: the card's verb, the few words naming a request, the
 * command that asks for it, and what the requester is told did not happen. Exhaustive switches, so a new purpose
 * does not compile until it has its words.
 */
public final class PurposeWords {

    private PurposeWords() {
    }

    /** The card title's verb: "Approval needed: <verb> Vonage_Prod in org prod". */
    static String verb(ApprovalPurpose purpose) {
        return switch (purpose) {
            case CREATE -> "create";
            case ROTATE -> "rotate the credentials of";
            case DELETE -> "delete";
            case UPDATE -> "change the settings of";
        };
    }

    /** The chat command that asks for {@code purpose} ("new", "rotate", ...). */
    public static String command(ApprovalPurpose purpose) {
        return switch (purpose) {
            case CREATE -> "new";
            case ROTATE -> "rotate";
            case DELETE -> "delete";
            case UPDATE -> "update";
        };
    }

    /** What the request asked, in a few words. */
    static String what(ApprovalRequest request) {
        return switch (request.draft().purpose()) {
            case CREATE -> request.playbook() + " in " + request.org();
            case ROTATE -> "rotate " + request.apiName() + " in " + request.org();
            case DELETE -> "delete " + request.apiName() + " from " + request.org();
            case UPDATE -> "update " + request.apiName() + " in " + request.org();
        };
    }

    /** What the requester is told did not happen, and how to ask again. */
    static String nothingDone(ApprovalRequest request) {
        return switch (request.draft().purpose()) {
            case CREATE -> "Nothing was created. Say \"new\" to ask again.";
            case ROTATE -> "Nothing was rotated. Say \"rotate " + request.apiName() + " " + request.org()
                    + " because <reason>\" to ask again.";
            case UPDATE -> "Nothing was changed. Say \"update " + request.apiName() + " " + request.org()
                    + "\" to ask again.";
            case DELETE -> "Nothing was deleted. Say \"delete " + request.apiName() + " " + request.org()
                    + " because <reason>\" to ask again.";
        };
    }
}
