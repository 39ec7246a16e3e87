// Checks what the bot sends to Teams with Microsoft's own libraries, offline:
//  - every Adaptive Card with the real Adaptive Cards library (npm "adaptivecards": parse + validateProperties),
//    targeting the schema version Teams renders (1.5 by default);
//  - every Teams app manifest against the JSON schema its "$schema" names, as shipped in npm "@microsoft/app-manifest".
// Input: the path of a JSON file {"targetVersion": "1.5", "cards": {name: card}, "manifests": {name: manifest}}.
// Output (stdout): {"cards": {name: [problem, ...]}, "manifests": {name: [problem, ...]}}; empty lists mean valid.
"use strict";
const fs = require("fs");
const path = require("path");
// The package's "lib" folder is ES modules Node cannot load as they are; its UMD bundle works without a browser.
const AC = require("adaptivecards/dist/adaptivecards.js");
// @microsoft/app-manifest's index needs fs-extra, which it lists only as a dev dependency: use its schemas with the
// validator it uses itself (ManifestUtil.validateManifestAgainstSchema: ajv draft-04 or 2020-12, allErrors, formats).
const AjvDraft04 = require("ajv-draft-04");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const version = AC.Version.parse(input.targetVersion || "1.5", new AC.SerializationContext());
const out = { cards: {}, manifests: {} };

for (const [name, json] of Object.entries(input.cards || {})) {
    const problems = [];
    const context = new AC.SerializationContext(version);
    const card = new AC.AdaptiveCard();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) {
        const e = context.getEventAt(i);
        problems.push(AC.ValidationEvent[e.event] + ": " + e.message);
    }
    const results = card.validateProperties();
    for (const e of results.validationEvents) {
        const where = e.source && e.source.id ? " (" + e.source.id + ")" : e.source ? " (" + e.source.getJsonTypeName() + ")" : "";
        problems.push(AC.ValidationEvent[e.event] + where + ": " + e.message);
    }
    if (json.version && AC.Version.parse(json.version, new AC.SerializationContext()).compareTo(version) > 0) {
        problems.push("UnsupportedCardVersion: the card says " + json.version + ", Teams renders up to " + version);
    }
    out.cards[name] = problems;
}

const schemaRoot = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json", { paths: [process.cwd()] })), "build", "json-schemas");

function manifests() {
    for (const [name, manifest] of Object.entries(input.manifests || {})) {
        const m = /\/json-schemas\/(teams\/[^/]+\/MicrosoftTeams\.schema\.json)$/.exec(manifest.$schema || "");
        const file = m && path.join(schemaRoot, m[1]);
        if (!file || !fs.existsSync(file)) {
            out.manifests[name] = ["no offline schema for $schema " + manifest.$schema];
            continue;
        }
        // the same clean-up ManifestUtil.fetchSchema applies to the downloaded schema (an invalid "\a" in a regex)
        const schema = JSON.parse(fs.readFileSync(file, "utf8").replace(/\\a/g, "\\x07"));
        const Ajv = (schema.$schema || "").includes("2020-12") ? Ajv2020 : AjvDraft04;
        const ajv = new Ajv({ allErrors: true, strictTypes: false });
        addFormats(ajv, ["uri", "email", "regex"]);
        const validate = ajv.compile(schema);
        out.manifests[name] = validate(manifest) ? [] : validate.errors.map(e =>
            (e.instancePath || "/") + " " + (e.message || "") + " " + JSON.stringify(e.params || {}));
    }
}

manifests();
process.stdout.write(JSON.stringify(out));
