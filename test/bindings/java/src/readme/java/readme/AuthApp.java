// The README's Java snippet, run by the bindings test (scripts/test-bindings.sh,
// `mvn -P readme`) in a directory holding branding/ and compared with
// typescript/readme-app.ts. README.md's ```java block must equal the lines
// between the markers (test/readme-languages.test.ts): change both together.
package readme;

// README:begin
import java.util.List;

import io.github.cdkcognitologin.*;
import software.amazon.awscdk.*;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolIdentityProviderSamlMetadata;

public final class AuthApp {
    public static void main(final String[] args) {
        App app = new App();
        Stack stack = new Stack(app, "Auth", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build())
                .build());
        CognitoLogin login = CognitoLogin.Builder.create(stack, "Login")
                .domain(LoginDomain.cognitoPrefix("acme-auth"))
                .pages(LoginPages.managedLogin(ManagedLoginPagesOptions.builder()
                        .branding(BrandingStyleOptions.builder()
                                .settings(BrandingSettings.fromFile("branding/settings.json"))
                                .assets(List.of(BrandingAsset.fromFile("branding/logo.png", BrandingAssetOptions.builder()
                                        .category(BrandingCategory.PAGE_HEADER_LOGO).colorMode(BrandingColorMode.LIGHT).build())))
                                .build())
                        .build()))
                .identityProviders(List.of(
                        LoginProvider.google(GoogleProviderOptions.builder()
                                .clientId("1234567890-abc.apps.googleusercontent.com")
                                .clientSecret(SecretValue.secretsManager("google-secret")).build()),
                        LoginProvider.saml(SamlProviderOptions.builder().name("Corp")
                                .metadata(UserPoolIdentityProviderSamlMetadata.url("https://idp.example.com/saml/metadata.xml")).build())))
                .build();
        UserPoolClient web = login.addClient("Web", LoginClientOptions.builder()
                .callbackUrls(List.of("https://app.example.com/callback")).build());
        CfnOutput.Builder.create(stack, "WebSignIn").value(login.signInUrl(web)).build();
        app.synth();
    }
}
// README:end
