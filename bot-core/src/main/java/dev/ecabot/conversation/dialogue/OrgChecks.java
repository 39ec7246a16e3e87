package dev.ecabot.conversation.dialogue;

import dev.ecabot.salesforce.OrgReadiness.Finding;

import java.util.List;
import java.util.Set;

/**
 * Checks against the org while the questions are asked, so a wrong run-as user, a permission set the org lacks or an
 * org setting that is off shows at once instead of after every question and the approval. An org that cannot be
 * reached gives advice, never a refusal (the deploy checks again). Implementations must be thread-safe.
 */
public interface OrgChecks {

    /** The metadata fields whose values name people of the org (see {@code Playbook.fieldsFilledBy}). */
    Set<String> CHECKED_FIELDS = Set.of("clientCredentialsFlowUser", "commaSeparatedPermissionSet", "commaSeparatedProfile");

    /** What is wrong with {@code value}, the answer that fills {@code fields} of the app's policies, in {@code org}. */
    List<Finding> answer(String org, Set<String> fields, String value);

    /** What is wrong with the org's own settings for External Client Apps. */
    List<Finding> org(String org);

    /** No checks (a bot without Salesforce clients, e.g. tests of the dialogue alone). */
    static OrgChecks none() {
        return new OrgChecks() {
            @Override
            public List<Finding> answer(String org, Set<String> fields, String value) {
                return List.of();
            }

            @Override
            public List<Finding> org(String org) {
                return List.of();
            }
        };
    }
}
