package dev.ecabot.approval;

import dev.ecabot.access.ChatUserRef;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request as the requester submits it: what (purpose, org, playbook, app), who, why, and every setting that
 * matters, in the order approvers should read them ({@code settings}: label to value). {@code apiName} may be
 * null when the name is not known yet. Immutable.
 */
public record ApprovalDraft(ApprovalPurpose purpose, String org, String playbook, String apiName, ChatUserRef requester,
                            String reason, Map<String, String> settings) {

    public ApprovalDraft {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(requester, "requester");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why you need this (the reason approvers will read).");
        }
        if (reason.length() > 2000) throw new IllegalArgumentException("The reason is at most 2000 characters; got " + reason.length());
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        int size = settings.entrySet().stream()
                .mapToInt(e -> e.getKey().length() + String.valueOf(e.getValue()).length() + 8).sum();
        if (size > 15_000) {
            throw new IllegalArgumentException("The settings shown to approvers are too long (" + size
                    + " characters; at most 15000): summarise long values.");
        }
    }
}
