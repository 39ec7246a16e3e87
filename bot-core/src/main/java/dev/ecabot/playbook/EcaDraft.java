package dev.ecabot.playbook;

import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.DistributionState;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.eca.TrustedIpRange;

import java.util.List;

/**
 * The EcaSpec being assembled by {@link PlaybookRenderer}: starts from Salesforce's defaults, template settings
 * write into it, {@link #toSpec()} freezes it. Not thread-safe; one per rendering.
 */
final class EcaDraft {

    String apiName;
    String label;
    String contactEmail;
    String contactPhone;
    String description;
    DistributionState distributionState = DistributionState.LOCAL;
    String logoUrl;
    String iconUrl;
    List<OauthScope> scopes = List.of();
    List<TrustedIpRange> trustedIpRanges = List.of();
    String singleLogoutUrl;
    final GlobalOauthSettings.Builder global = GlobalOauthSettings.builder();
    final OauthPolicies.Builder policies = OauthPolicies.builder();

    EcaSpec toSpec() {
        AppInfo app = new AppInfo(apiName == null ? "" : apiName, label == null ? "" : label, contactEmail,
                contactPhone, description, distributionState, logoUrl, iconUrl);
        return new EcaSpec(app, global.build(), new OauthSettings(scopes, trustedIpRanges, singleLogoutUrl), policies.build());
    }
}
