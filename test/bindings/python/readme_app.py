# The README's Python snippet, run by the bindings test (scripts/test-bindings.sh)
# in a directory holding branding/ and compared with typescript/readme-app.ts.
# README.md's ```python block must equal the lines between the markers
# (test/readme-languages.test.ts): change both together.
# README:begin
import aws_cdk as cdk
from aws_cdk import aws_cognito as cognito
from cdk_cognito_login import (BrandingAsset, BrandingCategory, BrandingColorMode, BrandingSettings,
    BrandingStyleOptions, CognitoLogin, LoginDomain, LoginPages, LoginProvider)

app = cdk.App()
stack = cdk.Stack(app, "Auth", env=cdk.Environment(account="123456789012", region="eu-west-1"))
login = CognitoLogin(stack, "Login",
    domain=LoginDomain.cognito_prefix("acme-auth"),
    pages=LoginPages.managed_login(branding=BrandingStyleOptions(
        settings=BrandingSettings.from_file("branding/settings.json"),
        assets=[BrandingAsset.from_file("branding/logo.png",
            category=BrandingCategory.PAGE_HEADER_LOGO, color_mode=BrandingColorMode.LIGHT)])),
    identity_providers=[
        LoginProvider.google(client_id="1234567890-abc.apps.googleusercontent.com",
            client_secret=cdk.SecretValue.secrets_manager("google-secret")),
        LoginProvider.saml(name="Corp",
            metadata=cognito.UserPoolIdentityProviderSamlMetadata.url("https://idp.example.com/saml/metadata.xml")),
    ])
web = login.add_client("Web", callback_urls=["https://app.example.com/callback"])
cdk.CfnOutput(stack, "WebSignIn", value=login.sign_in_url(web))
app.synth()
# README:end
