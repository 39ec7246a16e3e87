package dev.ecabot.eca;

/** What happens when a session is below the required level (policyAction). */
public enum PolicyAction implements MetadataToken {
    BLOCK("Block"), RAISE_SESSION_LEVEL("RaiseSessionLevel");

    private final String token;

    PolicyAction(String token) {
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    public static PolicyAction fromToken(String token) {
        return MetadataToken.fromToken(PolicyAction.class, token);
    }
}
