package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetadataSoapTest {

    private SalesforceEmulator emulator;
    private OrgClient client;

    @BeforeEach
    void startOrgWithTheSampleApp() {
        emulator = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start();
        client = OrgClient.signedIn(emulator);
        client.deployAndWait(DeployZip.sampleApp(), "{}");
    }

    @AfterEach
    void stopOrg() {
        emulator.close();
    }

    @Test
    void aSoapDeployIsPolledWithCheckDeployStatusAndItsDetails() {
        String zip = java.util.Base64.getEncoder().encodeToString(DeployZip.sampleApp()
                .edit("externalClientApps/Acme_Sync.eca", "</ExternalClientApplication>",
                        "<description>via SOAP</description></ExternalClientApplication>").bytes());
        OrgClient.Reply queued = client.soap(envelope(client.accessToken(), "<deploy><ZipFile>" + zip + "</ZipFile>"
                + "<DeployOptions><rollbackOnError>true</rollbackOnError><singlePackage>false</singlePackage></DeployOptions></deploy>"));
        assertThat(queued.status()).as(queued.body()).isEqualTo(200);
        String id = queued.body().replaceAll(".*<id>([^<]+)</id>.*", "$1");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.soap(envelope(client.accessToken(),
                "<checkDeployStatus><asyncProcessId>" + id + "</asyncProcessId><includeDetails>true</includeDetails>"
                        + "</checkDeployStatus>")).body().contains("<done>true</done>"));
        OrgClient.Reply done = client.soap(envelope(client.accessToken(), "<checkDeployStatus><asyncProcessId>" + id
                + "</asyncProcessId><includeDetails>true</includeDetails></checkDeployStatus>"));

        assertThat(done.body()).contains("<status>Succeeded</status>", "<success>true</success>", "<details>",
                "<componentSuccesses>", "<fullName>Acme_Sync</fullName>");
        assertThat(emulator.org().app("Acme_Sync").orElseThrow().toString()).contains("via SOAP");
    }

    @Test
    void aRetrieveAnswersAZipWithTheFilesAndPackageXml() throws Exception {
        OrgClient.Reply queued = client.soap(envelope(client.accessToken(), "<retrieve><retrieveRequest><apiVersion>68.0"
                + "</apiVersion><singlePackage>true</singlePackage><unpackaged><types><members>*</members>"
                + "<name>ExternalClientApplication</name></types><types><members>Acme_Sync_glbloauth</members>"
                + "<name>ExtlClntAppGlobalOauthSettings</name></types></unpackaged></retrieveRequest></retrieve>"));
        String id = queued.body().replaceAll(".*<id>([^<]+)</id>.*", "$1");
        OrgClient.Reply done = client.soap(envelope(client.accessToken(), "<checkRetrieveStatus><asyncProcessId>" + id
                + "</asyncProcessId><includeZip>true</includeZip></checkRetrieveStatus>"));

        assertThat(done.body()).contains("<status>Succeeded</status>", "<fullName>Acme_Sync</fullName>");
        byte[] zip = java.util.Base64.getDecoder().decode(done.body().replaceAll(".*<zipFile>([^<]+)</zipFile>.*", "$1"));
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) files.put(e.getName(), new String(in.readAllBytes()));
        }
        assertThat(files).containsOnlyKeys("package.xml", "externalClientApps/Acme_Sync.eca",
                "extlClntAppGlobalOauthSets/Acme_Sync_glbloauth.ecaGlblOauth");
        assertThat(files.get("extlClntAppGlobalOauthSets/Acme_Sync_glbloauth.ecaGlblOauth"))
                .contains("<consumerKey>" + emulator.org().consumer("Acme_Sync").orElseThrow().key())
                .doesNotContain(emulator.org().consumer("Acme_Sync").orElseThrow().secret());
        assertThat(files.get("package.xml")).contains("<version>68.0</version>");
    }

    @Test
    void describeMetadataNamesEveryEcaTypeAndListMetadataTakesAtMostThreeQueries() {
        assertThat(client.soap(envelope(client.accessToken(), "<describeMetadata><asOfVersion>68.0</asOfVersion></describeMetadata>"))
                .body()).contains("<directoryName>extlClntAppOauthSecuritySettings</directoryName>",
                "<suffix>ecaOauthSecurity</suffix>", "<xmlName>ExtlClntAppOauthSecuritySettings</xmlName>");

        OrgClient.Reply four = client.soap(envelope(client.accessToken(), "<listMetadata>"
                + "<queries><type>ExternalClientApplication</type></queries><queries><type>ExtlClntAppOauthSettings</type></queries>"
                + "<queries><type>ExtlClntAppPolicies</type></queries><queries><type>ExtlClntAppGlobalOauthSettings</type></queries>"
                + "</listMetadata>"));
        assertThat(four.status()).isEqualTo(500);
        assertThat(four.body()).contains("at most 3 queries");
    }

    @Test
    void listMetadataAnswersFilePropertiesForEachQueriedType() {
        OrgClient.Reply reply = client.soap(envelope(client.accessToken(),
                "<listMetadata><queries><type>ExternalClientApplication</type></queries>"
                        + "<queries><type>ExtlClntAppOauthSettings</type></queries><asOfVersion>64.0</asOfVersion></listMetadata>"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("<listMetadataResponse><result>")
                .contains("<fileName>externalClientApps/Acme_Sync.eca</fileName><fullName>Acme_Sync</fullName><id>"
                        + emulator.org().app("Acme_Sync").orElseThrow().id() + "</id>")
                .contains("<fullName>Acme_Sync_oauth</fullName>")
                .contains("<manageableState>unmanaged</manageableState><type>ExtlClntAppOauthSettings</type>");
    }

    @Test
    void readMetadataAnswersRecordsWithTheFileElementsAndGeneratedValues() {
        OrgClient.Reply app = client.soap(envelope(client.accessToken(),
                "<readMetadata><type>ExternalClientApplication</type><fullNames>Acme_Sync</fullNames>"
                        + "<fullNames>Nobody</fullNames></readMetadata>"));
        OrgClient.Reply global = client.soap(envelope(client.accessToken(),
                "<readMetadata><type>ExtlClntAppGlobalOauthSettings</type><fullNames>Acme_Sync_glbloauth</fullNames></readMetadata>"));
        OrgClient.Reply oauth = client.soap(envelope(client.accessToken(),
                "<readMetadata><type>ExtlClntAppOauthSettings</type><fullNames>Acme_Sync_oauth</fullNames></readMetadata>"));

        assertThat(app.body()).contains("<readMetadataResponse><result><records xsi:type=\"ExternalClientApplication\">"
                        + "<fullName>Acme_Sync</fullName><contactEmail>integrations@example.org</contactEmail>")
                .contains("<label>Acme Sync</label>")
                .contains("<orgScopedExternalApp>" + emulator.org().orgId().substring(0, 15) + ":Acme_Sync</orgScopedExternalApp>")
                .doesNotContain("Nobody");
        assertThat(global.body()).contains("<consumerKey>" + emulator.org().consumer("Acme_Sync").orElseThrow().key() + "</consumerKey>")
                .contains("<isPkceRequired>true</isPkceRequired>")
                .doesNotContain(emulator.org().consumer("Acme_Sync").orElseThrow().secret());
        assertThat(oauth.body()).contains("<trustedIpRanges><description>Acme warehouse egress</description>"
                        + "<endIpAddress>203.0.113.20</endIpAddress><startIpAddress>203.0.113.10</startIpAddress></trustedIpRanges>")
                .contains("<oauthLink>");
    }

    @Test
    void anInvalidSessionIsASoapFault() {
        OrgClient.Reply reply = client.soap(envelope("00D000000000000!expired",
                "<listMetadata><queries><type>ExternalClientApplication</type></queries></listMetadata>"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).contains("<faultcode>sf:INVALID_SESSION_ID</faultcode>")
                .contains("<faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring>");
    }

    @Test
    void aSoapVersionTheOrgDoesNotServeIsAFault() {
        OrgClient.Reply reply = new OrgClient(emulator.baseUrl()).post("/services/Soap/m/69.0", "text/xml",
                envelope(client.accessToken(), "<describeMetadata><asOfVersion>69.0</asOfVersion></describeMetadata>")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).contains("UNSUPPORTED_API_VERSION", "69.0");
    }

    @Test
    void operationsTheOrgDoesNotServeAreFaults() {
        OrgClient.Reply reply = client.soap(envelope(client.accessToken(), "<createMetadata><metadata>x</metadata></createMetadata>"));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).contains("No operation available for request {http://soap.sforce.com/2006/04/metadata}createMetadata");
    }

    private static String envelope(String sessionId, String call) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
                + "<soapenv:Header><SessionHeader><sessionId>" + sessionId + "</sessionId></SessionHeader></soapenv:Header>"
                + "<soapenv:Body>" + call + "</soapenv:Body></soapenv:Envelope>";
    }
}
