package dev.ecabot.eca;

/** IP relaxation (ipRelaxationPolicyType): enforce the org's IP restrictions, relax them for refresh tokens, or bypass them. */
public enum IpRelaxation implements MetadataToken {
    ENFORCE("Enforce"), ENFORCE_RELAX_REFRESH("Enforce_RelaxRefresh"), BYPASS("Bypass"), BYPASS_2FACTOR("Bypass_2factor");

    private final String token;

    IpRelaxation(String token) {
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    public static IpRelaxation fromToken(String token) {
        return MetadataToken.fromToken(IpRelaxation.class, token);
    }
}
