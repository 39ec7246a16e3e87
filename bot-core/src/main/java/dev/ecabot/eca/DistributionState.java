package dev.ecabot.eca;

/** How the app is distributed (ExternalClientApplication.distributionState). */
public enum DistributionState implements MetadataToken {
    LOCAL("Local"), PACKAGED("Packaged");

    private final String token;

    DistributionState(String token) {
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    public static DistributionState fromToken(String token) {
        return MetadataToken.fromToken(DistributionState.class, token);
    }
}
