package dev.ecabot.eca;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken or unusual metadata gets a message naming the file and element; tolerable oddities are read. */
class MetadataReadingErrorsTest {

    private static final String NS = "xmlns=\"http://soap.sforce.com/2006/04/metadata\"";
    private final EcaMetadataReader reader = new EcaMetadataReader();

    @Test
    void aWrongNamespaceNamesTheFileAndTheExpectedNamespace() {
        MetadataPackage pkg = pkg("externalClientApps/App.eca",
                "<ExternalClientApplication xmlns=\"http://example.com/other\"><label>A</label></ExternalClientApplication>");

        assertThatThrownBy(() -> reader.read(pkg))
                .isInstanceOf(EcaMetadataException.class)
                .hasMessageContaining("externalClientApps/App.eca")
                .hasMessageContaining("<ExternalClientApplication>")
                .hasMessageContaining("http://soap.sforce.com/2006/04/metadata");
    }

    @Test
    void anUnknownPolicyValueNamesFileElementAndTheAcceptedValues() {
        MetadataPackage pkg = withApp("extlClntAppOauthPolicies/App_oauthPlcy.ecaOauthPlcy",
                "<ExtlClntAppOauthConfigurablePolicies " + NS + "><externalClientApplication>App</externalClientApplication>"
                        + "<ipRelaxationPolicyType>Relax</ipRelaxationPolicyType></ExtlClntAppOauthConfigurablePolicies>");

        assertThatThrownBy(() -> reader.read(pkg))
                .isInstanceOf(EcaMetadataException.class)
                .hasMessageContaining("extlClntAppOauthPolicies/App_oauthPlcy.ecaOauthPlcy")
                .hasMessageContaining("<ipRelaxationPolicyType>")
                .hasMessageContaining("'Relax'")
                .hasMessageContaining("Enforce, Enforce_RelaxRefresh, Bypass, Bypass_2factor")
                .satisfies(e -> assertThat(((EcaMetadataException) e).element()).isEqualTo("ipRelaxationPolicyType"));
    }

    @Test
    void theOauthParameterNameOfAScopeIsRefusedWithTheTokenToUse() {
        MetadataPackage pkg = withApp("extlClntAppOauthSettings/App_oauth.ecaOauth",
                "<ExtlClntAppOauthSettings " + NS + "><commaSeparatedOauthScopes>mcp_api, RefreshToken</commaSeparatedOauthScopes>"
                        + "<externalClientApplication>App</externalClientApplication></ExtlClntAppOauthSettings>");

        assertThatThrownBy(() -> reader.read(pkg))
                .hasMessageContaining("<commaSeparatedOauthScopes>")
                .hasMessageContaining("'mcp_api'")
                .hasMessageContaining("MCP");
    }

    @Test
    void aBooleanThatIsNotTrueOrFalseIsNamed() {
        MetadataPackage pkg = withApp("extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth",
                "<ExtlClntAppGlobalOauthSettings " + NS + "><externalClientApplication>App</externalClientApplication>"
                        + "<isPkceRequired>yes</isPkceRequired></ExtlClntAppGlobalOauthSettings>");

        assertThatThrownBy(() -> reader.read(pkg))
                .hasMessageContaining("<isPkceRequired>").hasMessageContaining("'yes'").hasMessageContaining("true or false");
    }

    @Test
    void aCompanionWhoseAppIsMissingIsAnError() {
        MetadataPackage pkg = pkg("extlClntAppOauthSettings/Ghost_oauth.ecaOauth",
                "<ExtlClntAppOauthSettings " + NS + "><externalClientApplication>Ghost</externalClientApplication></ExtlClntAppOauthSettings>");

        assertThatThrownBy(() -> reader.read(pkg))
                .hasMessageContaining("names app 'Ghost'").hasMessageContaining("externalClientApps/Ghost.eca");
    }

    @Test
    void aCompanionWithoutItsAppElementIsAnError() {
        MetadataPackage pkg = withApp("extlClntAppOauthSettings/App_oauth.ecaOauth",
                "<ExtlClntAppOauthSettings " + NS + "><label>x</label></ExtlClntAppOauthSettings>");

        assertThatThrownBy(() -> reader.read(pkg)).hasMessageContaining("<externalClientApplication>")
                .hasMessageContaining("is missing");
    }

    @Test
    void twoCompanionsOfOneTypeForOneAppAreAnError() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("externalClientApps/App.eca", appXml());
        String settings = "<ExtlClntAppOauthSettings " + NS + "><externalClientApplication>App</externalClientApplication></ExtlClntAppOauthSettings>";
        files.put("extlClntAppOauthSettings/App_oauth.ecaOauth", settings);
        files.put("extlClntAppOauthSettings/AppSettings.ecaOauth", settings);

        assertThatThrownBy(() -> reader.read(pkg(files))).hasMessageContaining("second ExtlClntAppOauthSettings");
    }

    @Test
    void aFileWhoseSuffixDisagreesWithItsContentIsNamed() {
        MetadataPackage pkg = pkg("extlClntAppOauthSettings/App.ecaOauth", appXml());

        assertThatThrownBy(() -> reader.read(pkg)).hasMessageContaining("extlClntAppOauthSettings/App.ecaOauth")
                .hasMessageContaining("file name says ExtlClntAppOauthSettings");
    }

    @Test
    void malformedXmlNamesTheFile() {
        MetadataPackage pkg = pkg("externalClientApps/App.eca", "<ExternalClientApplication " + NS + "><label>");

        assertThatThrownBy(() -> reader.read(pkg)).hasMessageContaining("externalClientApps/App.eca")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void aDoctypeIsRefusedSoNoExternalEntityIsEverFetched() {
        MetadataPackage pkg = pkg("externalClientApps/App.eca", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><ExternalClientApplication " + NS + "><label>&e;</label></ExternalClientApplication>");

        assertThatThrownBy(() -> reader.read(pkg)).isInstanceOf(EcaMetadataException.class)
                .hasMessageContaining("externalClientApps/App.eca");
    }

    @Test
    void filesThatAreNotEcaComponentsAreIgnored() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("externalClientApps/App.eca", appXml());
        files.put("classes/Foo.cls", "public class Foo {}");
        files.put("package.xml", "<Package " + NS + "><version>66.0</version></Package>");

        assertThat(reader.read(pkg(files))).extracting(r -> r.spec().apiName()).containsExactly("App");
    }

    @Test
    void callbackUrlsOnSeveralLinesWithWindowsLineEndsAndBlankLinesAreRead() {
        MetadataPackage pkg = withApp("extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth",
                "<ExtlClntAppGlobalOauthSettings " + NS + "><callbackUrl>https://a.example.com/cb\r\n\r\n  https://b.example.com/cb  \n"
                        + "</callbackUrl><externalClientApplication>App</externalClientApplication></ExtlClntAppGlobalOauthSettings>");

        assertThat(reader.read(pkg).get(0).spec().globalOauth().callbackUrls())
                .containsExactly("https://a.example.com/cb", "https://b.example.com/cb");
    }

    @Test
    void offlineAccessReadsAsTheRefreshTokenScopeOnce() {
        MetadataPackage pkg = withApp("extlClntAppOauthSettings/App_oauth.ecaOauth",
                "<ExtlClntAppOauthSettings " + NS + "><commaSeparatedOauthScopes>Api,RefreshToken,OfflineAccess</commaSeparatedOauthScopes>"
                        + "<externalClientApplication>App</externalClientApplication></ExtlClntAppOauthSettings>");

        assertThat(reader.read(pkg).get(0).spec().oauth().scopes()).containsExactly(OauthScope.API, OauthScope.REFRESH_TOKEN);
    }

    @Test
    void aReadMetadataRecordIsReadLikeTheFile() throws Exception {
        String soap = """
                <result xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <records xsi:type="ExtlClntAppOauthConfigurablePolicies">
                    <fullName>Sync_oauthPlcy</fullName>
                    <clientCredentialsFlowUser>runner@example.com</clientCredentialsFlowUser>
                    <externalClientApplication>Sync</externalClientApplication>
                    <ipRelaxationPolicyType>Enforce_RelaxRefresh</ipRelaxationPolicyType>
                    <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
                    <permittedUsersPolicyType>AllSelfAuthorized</permittedUsersPolicyType>
                    <refreshTokenPolicyType>SpecificLifetime</refreshTokenPolicyType>
                    <refreshTokenValidityPeriod>30</refreshTokenValidityPeriod>
                    <refreshTokenValidityUnit>Days</refreshTokenValidityUnit>
                  </records>
                </result>""";
        Element records = (Element) parse(soap).getDocumentElement().getElementsByTagNameNS("*", "records").item(0);

        EcaComponent component = EcaComponent.fromRecord(records);

        assertThat(component.type()).isEqualTo(EcaComponentType.OAUTH_POLICIES);
        assertThat(component.fullName()).isEqualTo("Sync_oauthPlcy");
        assertThat(component.appApiName()).isEqualTo("Sync");
        assertThat(EcaMetadataReader.oauthPolicies(component)).isEqualTo(OauthPolicies.builder()
                .clientCredentialsFlowEnabled(true).clientCredentialsFlowUser("runner@example.com")
                .ipRelaxation(IpRelaxation.ENFORCE_RELAX_REFRESH)
                .refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 30, RefreshTokenValidityUnit.DAYS).build());
    }

    @Test
    void recordsOfOneAppAssembleIntoItsSpec() throws Exception {
        String soap = """
                <result xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <records xsi:type="ExternalClientApplication"><fullName>Sync</fullName><contactEmail>o@example.com</contactEmail>
                    <distributionState>Local</distributionState><label>Sync</label></records>
                  <records xsi:type="ExtlClntAppGlobalOauthSettings"><fullName>Sync_glbloauth</fullName>
                    <callbackUrl>https://sync.example.com/cb</callbackUrl><consumerKey>3MVG9RECORDKEY</consumerKey>
                    <externalClientApplication>Sync</externalClientApplication><isPkceRequired>false</isPkceRequired></records>
                </result>""";
        var list = parse(soap).getDocumentElement().getElementsByTagNameNS("*", "records");
        List<EcaComponent> components = List.of(EcaComponent.fromRecord((Element) list.item(0)),
                EcaComponent.fromRecord((Element) list.item(1)));

        RetrievedEca read = EcaMetadataReader.assemble(components).get(0);

        assertThat(read.spec().app()).isEqualTo(AppInfo.local("Sync", "Sync", "o@example.com"));
        assertThat(read.spec().globalOauth()).isEqualTo(GlobalOauthSettings.builder()
                .callbackUrls("https://sync.example.com/cb").pkceRequired(false).build());
        assertThat(read.consumerKey()).contains("3MVG9RECORDKEY");
    }

    @Test
    void aSingleComponentsXmlCanBeReadOnItsOwn() {
        EcaComponent component = EcaComponent.parse("extlClntAppOauthSettings/X_oauth.ecaOauth-meta.xml",
                "<!-- retrieved --><ExtlClntAppOauthSettings " + NS + "><commaSeparatedOauthScopes>Basic, Api</commaSeparatedOauthScopes>"
                        + "<externalClientApplication>X</externalClientApplication><isFirstPartyAppEnabled>false</isFirstPartyAppEnabled>"
                        + "</ExtlClntAppOauthSettings>");

        assertThat(component.fullName()).isEqualTo("X_oauth");
        assertThat(EcaMetadataReader.oauthSettings(component).scopes()).containsExactly(OauthScope.BASIC, OauthScope.API);
    }

    private static String appXml() {
        return "<ExternalClientApplication " + NS + "><contactEmail>o@example.com</contactEmail><label>App</label>"
                + "</ExternalClientApplication>";
    }

    private static MetadataPackage withApp(String path, String xml) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("externalClientApps/App.eca", appXml());
        files.put(path, xml);
        return pkg(files);
    }

    private static MetadataPackage pkg(String path, String xml) {
        return pkg(Map.of(path, xml));
    }

    private static MetadataPackage pkg(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((p, x) -> bytes.put(p, x.getBytes(StandardCharsets.UTF_8)));
        return new MetadataPackage(bytes);
    }

    private static Document parse(String xml) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
