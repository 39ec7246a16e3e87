package dev.ecabot.salesforce;

/**
 * The deployOptions of a Metadata API deploy. {@link #realDeploy()}: a real deploy, rolled back on any error;
 * {@link #dryRun()}: the same validation without changing the org (a dry run). The zip holds one package
 * with package.xml at its root (singlePackage). Immutable.
 */
public record DeployOptions(boolean checkOnly, boolean ignoreWarnings, boolean rollbackOnError, boolean purgeOnDelete) {

    public static DeployOptions realDeploy() {
        return new DeployOptions(false, false, true, false);
    }

    public static DeployOptions dryRun() {
        return new DeployOptions(true, false, true, false);
    }

    /** Warnings do not stop the deploy (needed e.g. to rotate a consumer key through metadata). */
    public DeployOptions ignoringWarnings() {
        return new DeployOptions(checkOnly, true, rollbackOnError, purgeOnDelete);
    }

    /** The JSON part of the multipart request: {@code {"deployOptions":{...}}}. */
    java.util.Map<String, Object> toJson() {
        var options = new java.util.LinkedHashMap<String, Object>();
        options.put("checkOnly", checkOnly);
        options.put("ignoreWarnings", ignoreWarnings);
        options.put("rollbackOnError", rollbackOnError);
        options.put("singlePackage", true);
        options.put("purgeOnDelete", purgeOnDelete);
        return java.util.Map.of("deployOptions", options);
    }
}
