// Runs jsforce 3 against a Salesforce org (the emulator in the build) and prints one JSON object with what it saw.
// Input (environment): BASE_URL, CLIENT_ID, CLIENT_SECRET, JWT_ISS, JWT_SUB, JWT_KEY_FILE, ZIP_FILE, APP_NAME.
// Exits 1 with the error on stderr when a call fails.
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const jsforce = require('jsforce');

const env = process.env;
const out = {};

function jwtAssertion() {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = b64({ alg: 'RS256', typ: 'JWT' });
  const claims = b64({ iss: env.JWT_ISS, sub: env.JWT_SUB, aud: 'https://login.salesforce.com',
                       exp: Math.floor(Date.now() / 1000) + 180 });
  const signature = crypto.createSign('RSA-SHA256').update(header + '.' + claims)
      .sign(fs.readFileSync(env.JWT_KEY_FILE, 'utf8')).toString('base64url');
  return header + '.' + claims + '.' + signature;
}

async function main() {
  // Client credentials with jsforce's OAuth2 (grant_type passed through requestToken)
  const cc = await new jsforce.OAuth2({ loginUrl: env.BASE_URL, clientId: env.CLIENT_ID, clientSecret: env.CLIENT_SECRET })
      .requestToken({ grant_type: 'client_credentials' });
  out.clientCredentials = { instanceUrl: cc.instance_url, hasToken: !!cc.access_token };

  // JWT bearer
  const jwt = await new jsforce.OAuth2({ loginUrl: env.BASE_URL })
      .requestToken({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwtAssertion() });
  out.jwt = { instanceUrl: jwt.instance_url, hasToken: !!jwt.access_token };

  const conn = new jsforce.Connection({ instanceUrl: jwt.instance_url, accessToken: jwt.access_token, version: '68.0' });
  const identity = await conn.identity();
  out.identity = { username: identity.username, organizationId: identity.organization_id };

  const zip = fs.readFileSync(env.ZIP_FILE);
  // SOAP deploy, polled with checkDeployStatus(includeDetails)
  const soap = await conn.metadata.deploy(zip, { rollbackOnError: true, singlePackage: false }).complete(true);
  out.soapDeploy = { status: soap.status, success: String(soap.success), components: Number(soap.numberComponentsDeployed) };

  // REST deploy (multipart: file + entity_content)
  const rest = await conn.metadata.deployRest(zip, { rollbackOnError: true }).complete(true);
  out.restDeploy = { status: rest.status, success: String(rest.success) };

  // Retrieve it back
  const types = [
    'ExternalClientApplication', 'ExtlClntAppGlobalOauthSettings', 'ExtlClntAppOauthSettings',
    'ExtlClntAppOauthConfigurablePolicies', 'ExtlClntAppConfigurablePolicies'];
  const retrieved = await conn.metadata.retrieve({ apiVersion: '68.0', singlePackage: true,
      unpackaged: { types: types.map((name) => ({ name, members: ['*'] })), version: '68.0' } }).complete();
  out.retrieve = { status: retrieved.status, zipBase64: retrieved.zipFile };

  // List (at most three queries per call) and read
  const listed = await conn.metadata.list([{ type: types[0] }, { type: types[1] }, { type: types[2] }], '68.0');
  out.list = (Array.isArray(listed) ? listed : [listed]).map((p) => p.type + ':' + p.fullName).sort();
  const readAnswer = await conn.metadata.read('ExternalClientApplication', [env.APP_NAME]);
  const read = Array.isArray(readAnswer) ? readAnswer[0] : readAnswer;
  out.read = { fullName: read.fullName, label: read.label, contactEmail: read.contactEmail };

  // SOQL
  const q = await conn.query("SELECT Id, DeveloperName, MasterLabel FROM ExternalClientApplication WHERE DeveloperName = '"
      + env.APP_NAME + "'");
  out.query = { totalSize: q.totalSize, developerName: q.records.length ? q.records[0].DeveloperName : null };

  process.stdout.write(JSON.stringify(out));
}

main().catch((e) => {
  process.stderr.write('jsforce call failed: ' + (e && e.name ? e.name + ': ' : '') + (e && e.message ? e.message : e)
      + '\nso far: ' + JSON.stringify(out) + '\n');
  process.exit(1);
});
