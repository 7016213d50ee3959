package bindings;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import io.github.cdkcognitologin.BrandingAsset;
import io.github.cdkcognitologin.BrandingAssetOptions;
import io.github.cdkcognitologin.BrandingCategory;
import io.github.cdkcognitologin.BrandingColorMode;
import io.github.cdkcognitologin.BrandingHorizontalLocation;
import io.github.cdkcognitologin.BrandingModeColors;
import io.github.cdkcognitologin.BrandingSettings;
import io.github.cdkcognitologin.BrandingSettingsOptions;
import io.github.cdkcognitologin.BrandingStyleOptions;
import io.github.cdkcognitologin.ClassicCss;
import io.github.cdkcognitologin.ClassicLoginCustomization;
import io.github.cdkcognitologin.ClassicLoginPagesOptions;
import io.github.cdkcognitologin.CognitoLogin;
import io.github.cdkcognitologin.GoogleProviderOptions;
import io.github.cdkcognitologin.LoginClientOptions;
import io.github.cdkcognitologin.LoginDomain;
import io.github.cdkcognitologin.LoginMachineClientOptions;
import io.github.cdkcognitologin.LoginPages;
import io.github.cdkcognitologin.LoginProvider;
import io.github.cdkcognitologin.LoginResourceServerOptions;
import io.github.cdkcognitologin.LogoImage;
import io.github.cdkcognitologin.ManagedLoginBranding;
import io.github.cdkcognitologin.ManagedLoginPagesOptions;
import io.github.cdkcognitologin.ResourceServerScopeOptions;
import io.github.cdkcognitologin.SamlProviderOptions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.IUserPool;
import software.amazon.awscdk.services.cognito.IUserPoolClient;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderSamlMetadata;

/**
 * The Java app of the bindings test (scripts/test-bindings.sh). It builds the
 * same stack as test/bindings/typescript/app.ts, written as a Java user would;
 * its template must equal the TypeScript one. The cloud assembly goes where
 * CDK_OUTDIR points. Maven runs it from test/bindings/java, so the fixtures are
 * one folder up.
 */
public final class App {
    private static final Path FIXTURES = Paths.get("..", "fixtures").toAbsolutePath().normalize();

    private App() {
    }

    private static String fixture(final String name) {
        return FIXTURES.resolve(name).toString();
    }

    public static void main(final String[] args) {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App();
        Stack stack = new Stack(app, "BindingsStack", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build())
                .build());

        // Managed login: a settings document and two images for every client, and a
        // typed style (merged over Cognito's defaults document) for the partner client.
        CognitoLogin login = CognitoLogin.Builder.create(stack, "Login")
                .domain(LoginDomain.cognitoPrefix("acme-bindings"))
                .pages(LoginPages.managedLogin(ManagedLoginPagesOptions.builder()
                        .branding(BrandingStyleOptions.builder()
                                .settings(BrandingSettings.fromFile(fixture("settings.json")))
                                .assets(List.of(
                                        BrandingAsset.fromFile(fixture("logo.png"), BrandingAssetOptions.builder()
                                                .category(BrandingCategory.PAGE_HEADER_LOGO)
                                                .colorMode(BrandingColorMode.LIGHT)
                                                .build()),
                                        BrandingAsset.fromFile(fixture("favicon.ico"), BrandingAssetOptions.builder()
                                                .category(BrandingCategory.FAVICON_ICO)
                                                .colorMode(BrandingColorMode.DYNAMIC)
                                                .build())))
                                .build())
                        .perClient(Map.of("Partner", BrandingStyleOptions.builder()
                                .settings(BrandingSettings.fromOptions(BrandingSettingsOptions.builder()
                                        .colorScheme(BrandingColorMode.DARK)
                                        .darkMode(BrandingModeColors.builder()
                                                .primaryButtonBackground("#d91515")
                                                .pageBackground("0f1b2a")
                                                .build())
                                        .formHorizontalLocation(BrandingHorizontalLocation.START)
                                        .build()))
                                .build()))
                        .build()))
                .identityProviders(List.of(
                        LoginProvider.google(GoogleProviderOptions.builder()
                                .clientId("1234567890-bindings.apps.googleusercontent.com")
                                .clientSecret(SecretValue.secretsManager("google-secret"))
                                .scopes(List.of("openid", "email", "profile"))
                                .build()),
                        LoginProvider.saml(SamlProviderOptions.builder()
                                .name("Corp")
                                .metadata(UserPoolIdentityProviderSamlMetadata.url("https://idp.example.com/saml/metadata.xml"))
                                .identifiers(List.of("example.com"))
                                .build())))
                .resourceServers(List.of(LoginResourceServerOptions.builder()
                        .identifier("api")
                        .scopes(List.of(ResourceServerScopeOptions.builder().name("read").description("Read orders").build()))
                        .build()))
                .build();

        login.addClient("Web", LoginClientOptions.builder()
                .callbackUrls(List.of("https://app.example.com/callback"))
                .logoutUrls(List.of("https://app.example.com/"))
                .build());
        UserPoolClient partner = login.addClient("Partner", LoginClientOptions.builder()
                .callbackUrls(List.of("https://partner.example.com/oauth2/callback"))
                .identityProviders(List.of("Corp"))
                .generateSecret(true)
                .scopes(List.of(OAuthScope.OPENID, login.resourceServerScope("api", "read")))
                .accessTokenValidity(Duration.minutes(30))
                .build());
        CfnOutput.Builder.create(stack, "PartnerSignIn").value(login.signInUrl(partner)).build();
        // A machine client: the client credentials grant, for the API's scope.
        login.addMachineClient("Reports", LoginMachineClientOptions.builder()
                .scopes(List.of(login.resourceServerScope("api", "read")))
                .accessTokenValidity(Duration.minutes(15))
                .build());

        // The classic hosted UI: CSS and a logo, on a second login of the same stack
        // (a domain serves one generation of pages).
        CognitoLogin classic = CognitoLogin.Builder.create(stack, "ClassicLogin")
                .domain(LoginDomain.cognitoPrefix("acme-bindings-classic"))
                .pages(LoginPages.classic(ClassicLoginPagesOptions.builder()
                        .css(ClassicCss.fromFile(fixture("classic.css")))
                        .logo(LogoImage.fromFile(fixture("logo.png")))
                        .build()))
                .build();
        classic.addClient("Legacy", LoginClientOptions.builder()
                .callbackUrls(List.of("https://legacy.example.com/callback"))
                .build());

        // The branding constructs on their own, on an imported pool and client.
        IUserPool importedPool = UserPool.fromUserPoolId(stack, "ImportedPool", "eu-west-1_Bindings1");
        IUserPoolClient importedClient = UserPoolClient.fromUserPoolClientId(stack, "ImportedClient", "1example23456789");
        ManagedLoginBranding.Builder.create(stack, "ImportedBranding")
                .userPool(importedPool)
                .client(importedClient)
                .useCognitoProvidedValues(true)
                .build();
        ClassicLoginCustomization.Builder.create(stack, "ImportedClassic")
                .userPool(importedPool)
                .css(ClassicCss.fromString(".banner-customizable { background-color: #f2f8fd; }"))
                .build();

        app.synth();
    }
}
