package dev.ecabot.emulator.metadata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.emulator.http.Json;

/**
 * Renders deploy requests in the REST Metadata API's JSON: the POST answer, and the GET answer with
 * deployResult (and its details when includeDetails=true). Booleans are JSON booleans, as in REST.
 */
final class DeployResultJson {

    private DeployResultJson() {
    }

    static ObjectNode options(DeployOptions options) {
        ObjectNode node = Json.object()
                .put("checkOnly", options.checkOnly())
                .put("singlePackage", options.singlePackage())
                .put("allowMissingFiles", options.allowMissingFiles())
                .put("performRetrieve", options.performRetrieve())
                .put("autoUpdatePackage", options.autoUpdatePackage())
                .put("rollbackOnError", options.rollbackOnError())
                .put("ignoreWarnings", options.ignoreWarnings())
                .put("purgeOnDelete", options.purgeOnDelete())
                .put("runAllTests", options.runAllTests())
                .put("testLevel", options.testLevel());
        if (options.runTests().isEmpty()) {
            node.putNull("runTests");
        } else {
            ArrayNode tests = node.putArray("runTests");
            options.runTests().forEach(tests::add);
        }
        return node;
    }

    /** The 201 answer to a POST: the Pending request. */
    static ObjectNode accepted(DeployJob.Snapshot job) {
        ObjectNode body = Json.object().put("id", job.id());
        body.set("deployOptions", options(job.options()));
        body.set("deployResult", Json.object()
                .put("id", job.id())
                .put("success", false)
                .put("checkOnly", job.options().checkOnly())
                .put("ignoreWarnings", job.options().ignoreWarnings())
                .put("rollbackOnError", job.options().rollbackOnError())
                .put("status", job.status())
                .put("runTestsEnabled", false)
                .put("done", false));
        return body;
    }

    static ObjectNode status(DeployJob.Snapshot job, String url, boolean includeDetails) {
        ObjectNode body = Json.object().put("id", job.id()).put("url", url);
        body.putNull("validatedDeployRequestId");
        body.set("deployOptions", options(job.options()));
        ObjectNode result = body.putObject("deployResult")
                .put("id", job.id())
                .putNull("messages")
                .putNull("retrieveResult")
                .put("success", job.success())
                .put("checkOnly", job.options().checkOnly())
                .put("ignoreWarnings", job.options().ignoreWarnings())
                .put("rollbackOnError", job.options().rollbackOnError())
                .put("status", job.status())
                .put("numberComponentsDeployed", job.componentsDeployed())
                .put("numberComponentsTotal", job.componentsTotal())
                .put("numberComponentErrors", job.failures().stream().filter(ComponentFailure::isError).count())
                .put("numberTestsCompleted", 0)
                .put("numberTestsTotal", 0)
                .put("numberTestErrors", 0);
        if (includeDetails) {
            result.set("details", details(job));
        } else {
            result.putNull("details");
        }
        result.put("createdDate", Json.date(job.createdDate()))
                .put("startDate", Json.date(job.startDate()))
                .put("lastModifiedDate", Json.date(job.lastModifiedDate()))
                .put("completedDate", Json.date(job.completedDate()))
                .putNull("errorStatusCode")
                .putNull("errorMessage")
                .put("stateDetail", job.stateDetail())
                .put("createdBy", job.createdBy().substring(0, 15))
                .put("createdByName", job.createdByName())
                .put("canceledBy", job.canceledBy() == null ? null : job.canceledBy().substring(0, 15))
                .put("canceledByName", job.canceledByName())
                .put("done", job.done())
                .put("runTestsEnabled", false)
                .putNull("runTestResult");
        return body;
    }

    private static ObjectNode details(DeployJob.Snapshot job) {
        ObjectNode details = Json.object();
        ArrayNode failures = details.putArray("componentFailures");
        job.failures().forEach(f -> failures.add(failure(f, job)));
        ArrayNode successes = details.putArray("componentSuccesses");
        job.successes().forEach(s -> successes.add(success(s, job)));
        details.putNull("retrieveResult");
        ObjectNode tests = details.putObject("runTestResult");
        tests.putArray("successes");
        tests.putArray("failures");
        tests.put("totalTime", 0.0).putNull("apexLogId");
        tests.putArray("flowCoverage");
        tests.put("numFailures", 0);
        tests.putArray("codeCoverage");
        tests.putArray("codeCoverageWarnings");
        tests.putArray("flowCoverageWarnings");
        tests.put("numTestsRun", 0);
        return details;
    }

    private static ObjectNode failure(ComponentFailure f, DeployJob.Snapshot job) {
        ObjectNode node = Json.object()
                .put("changed", false)
                .put("componentType", f.componentType())
                .put("created", false)
                .put("createdDate", Json.date(job.completedDate()))
                .put("deleted", false)
                .put("fileName", f.fileName())
                .put("fullName", f.fullName())
                .putNull("id")
                .put("knownPackagingProblem", false)
                .put("problem", f.problem())
                .put("problemType", f.problemType())
                .put("requiresProductionTestRun", false)
                .put("success", false)
                .put("warning", !f.isError())
                .put("forPackageManifestFile", f.fullName().equals("package.xml"));
        if (f.lineNumber() > 0) {
            node.put("lineNumber", f.lineNumber()).put("columnNumber", f.columnNumber());
        } else {
            node.putNull("lineNumber").putNull("columnNumber");
        }
        return node;
    }

    private static ObjectNode success(DeployJob.ComponentSuccess s, DeployJob.Snapshot job) {
        return Json.object()
                .put("componentType", s.componentType())
                .put("fileName", s.fileName())
                .put("fullName", s.fullName())
                .put("id", s.id())
                .putNull("problem")
                .put("success", true)
                .put("warning", false)
                .put("created", s.created())
                .put("changed", s.changed())
                .put("deleted", s.deleted())
                .putNull("lineNumber")
                .putNull("columnNumber")
                .put("requiresProductionTestRun", false)
                .put("createdDate", Json.date(job.completedDate()))
                .put("knownPackagingProblem", false)
                .put("forPackageManifestFile", s.forPackageManifestFile())
                .putNull("problemType");
    }
}
