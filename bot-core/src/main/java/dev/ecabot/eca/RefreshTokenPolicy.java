package dev.ecabot.eca;

/** How long refresh tokens live (refreshTokenPolicyType). */
public enum RefreshTokenPolicy implements MetadataToken {
    INFINITE("Infinite"), SPECIFIC_LIFETIME("SpecificLifetime"), SPECIFIC_INACTIVITY("SpecificInactivity"), ZERO("Zero");

    private final String token;

    RefreshTokenPolicy(String token) {
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    public static RefreshTokenPolicy fromToken(String token) {
        return MetadataToken.fromToken(RefreshTokenPolicy.class, token);
    }
}
