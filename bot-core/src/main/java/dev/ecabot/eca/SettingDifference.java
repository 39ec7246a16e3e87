package dev.ecabot.eca;

/** One setting whose value in the org differs from the request, e.g. {@code oauth.scopes: [Api] in the org, [Api, RefreshToken] requested}. */
public record SettingDifference(String setting, String inOrg, String requested) {

    public String describe() {
        return setting + ": " + inOrg + " in the org, " + requested + " requested";
    }
}
