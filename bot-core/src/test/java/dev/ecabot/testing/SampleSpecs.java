package dev.ecabot.testing;

import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;

import java.util.List;

/** Small, valid EcaSpecs for tests: a web-server-flow app with Api and RefreshToken scopes. */
public final class SampleSpecs {

    private SampleSpecs() {
    }

    public static EcaSpec vonage(String apiName) {
        return new EcaSpec(AppInfo.local(apiName, "Vonage Voice", "admin@acme.com"),
                GlobalOauthSettings.defaults(List.of("https://vonage.example/callback")),
                OauthSettings.of(List.of(OauthScope.API, OauthScope.REFRESH_TOKEN)), OauthPolicies.defaults());
    }
}
