package dev.ecabot.eca;

/** The unit of refreshTokenValidityPeriod. */
public enum RefreshTokenValidityUnit implements MetadataToken {
    HOURS("Hours"), DAYS("Days"), MONTHS("Months");

    private final String token;

    RefreshTokenValidityUnit(String token) {
        this.token = token;
    }

    @Override
    public String token() {
        return token;
    }

    public static RefreshTokenValidityUnit fromToken(String token) {
        return MetadataToken.fromToken(RefreshTokenValidityUnit.class, token);
    }
}
