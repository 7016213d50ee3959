"""The Python app of the bindings test (scripts/test-bindings.sh).

It builds the same stack as test/bindings/typescript/app.ts, written as a
Python user would; its template must equal the TypeScript one. The cloud
assembly goes where CDK_OUTDIR points.

It also builds what only this language's app shows (the comparison checks the
reference's stacks, so extra stacks are checked here instead): a custom domain
without a certificate from eu-west-1, whose certificate the login makes in a
stack of its own in us-east-1.
"""
from pathlib import Path

import aws_cdk as cdk
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_route53 as route53
from cdk_cognito_login import (
    BrandingAsset,
    BrandingCategory,
    BrandingColorMode,
    BrandingHorizontalLocation,
    BrandingModeColors,
    BrandingSettings,
    BrandingStyleOptions,
    ClassicCss,
    ClassicLoginCustomization,
    CognitoLogin,
    LoginDomain,
    LoginPages,
    LoginProvider,
    LoginResourceServerOptions,
    LogoImage,
    ManagedLoginBranding,
    ResourceServerScopeOptions,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

app = cdk.App()
stack = cdk.Stack(
    app, "BindingsStack", env=cdk.Environment(account="123456789012", region="eu-west-1")
)

# Managed login: a settings document and two images for every client, and a
# typed style (merged over Cognito's defaults document) for the partner client.
login = CognitoLogin(
    stack,
    "Login",
    domain=LoginDomain.cognito_prefix("acme-bindings"),
    pages=LoginPages.managed_login(
        branding=BrandingStyleOptions(
            settings=BrandingSettings.from_file(str(FIXTURES / "settings.json")),
            assets=[
                BrandingAsset.from_file(
                    str(FIXTURES / "logo.png"),
                    category=BrandingCategory.PAGE_HEADER_LOGO,
                    color_mode=BrandingColorMode.LIGHT,
                ),
                BrandingAsset.from_file(
                    str(FIXTURES / "favicon.ico"),
                    category=BrandingCategory.FAVICON_ICO,
                    color_mode=BrandingColorMode.DYNAMIC,
                ),
            ],
        ),
        per_client={
            "Partner": BrandingStyleOptions(
                settings=BrandingSettings.from_options(
                    color_scheme=BrandingColorMode.DARK,
                    dark_mode=BrandingModeColors(
                        primary_button_background="#d91515", page_background="0f1b2a"
                    ),
                    form_horizontal_location=BrandingHorizontalLocation.START,
                ),
            ),
        },
    ),
    identity_providers=[
        LoginProvider.google(
            client_id="1234567890-bindings.apps.googleusercontent.com",
            client_secret=cdk.SecretValue.secrets_manager("google-secret"),
            scopes=["openid", "email", "profile"],
        ),
        LoginProvider.saml(
            name="Corp",
            metadata=cognito.UserPoolIdentityProviderSamlMetadata.url(
                "https://idp.example.com/saml/metadata.xml"
            ),
            identifiers=["example.com"],
        ),
    ],
    resource_servers=[
        LoginResourceServerOptions(
            identifier="api",
            scopes=[ResourceServerScopeOptions(name="read", description="Read orders")],
        ),
    ],
)

login.add_client(
    "Web",
    callback_urls=["https://app.example.com/callback"],
    logout_urls=["https://app.example.com/"],
)
partner = login.add_client(
    "Partner",
    callback_urls=["https://partner.example.com/oauth2/callback"],
    identity_providers=["Corp"],
    generate_secret=True,
    scopes=[cognito.OAuthScope.OPENID, login.resource_server_scope("api", "read")],
    access_token_validity=cdk.Duration.minutes(30),
)
cdk.CfnOutput(stack, "PartnerSignIn", value=login.sign_in_url(partner))
# A machine client: the client credentials grant, for the API's scope.
login.add_machine_client(
    "Reports",
    scopes=[login.resource_server_scope("api", "read")],
    access_token_validity=cdk.Duration.minutes(15),
)

# The classic hosted UI: CSS and a logo, on a second login of the same stack
# (a domain serves one generation of pages).
classic = CognitoLogin(
    stack,
    "ClassicLogin",
    domain=LoginDomain.cognito_prefix("acme-bindings-classic"),
    pages=LoginPages.classic(
        css=ClassicCss.from_file(str(FIXTURES / "classic.css")),
        logo=LogoImage.from_file(str(FIXTURES / "logo.png")),
    ),
)
classic.add_client("Legacy", callback_urls=["https://legacy.example.com/callback"])

# The branding constructs on their own, on an imported pool and client.
imported_pool = cognito.UserPool.from_user_pool_id(stack, "ImportedPool", "eu-west-1_Bindings1")
imported_client = cognito.UserPoolClient.from_user_pool_client_id(
    stack, "ImportedClient", "1example23456789"
)
ManagedLoginBranding(
    stack,
    "ImportedBranding",
    user_pool=imported_pool,
    client=imported_client,
    use_cognito_provided_values=True,
)
ClassicLoginCustomization(
    stack,
    "ImportedClassic",
    user_pool=imported_pool,
    css=ClassicCss.from_string(".banner-customizable { background-color: #f2f8fd; }"),
)

# A custom domain without a certificate: the login makes one in us-east-1,
# validated in the zone, in a stack of its own that this one depends on.
domain_stack = cdk.Stack(
    app, "BindingsCustomDomain", env=cdk.Environment(account="123456789012", region="eu-west-1")
)
zone = route53.HostedZone.from_hosted_zone_attributes(
    domain_stack, "Zone", hosted_zone_id="Z0123456789EXAMPLE", zone_name="example.com"
)
CognitoLogin(
    domain_stack,
    "Login",
    domain=LoginDomain.custom(domain_name="auth.example.com", hosted_zone=zone),
)

assembly = app.synth()

certificate_stack = assembly.get_stack_by_name("BindingsCustomDomain-Certificate")
assert certificate_stack.environment.region == "us-east-1", certificate_stack.environment.region
certificates = [
    r["Properties"]
    for r in certificate_stack.template["Resources"].values()
    if r["Type"] == "AWS::CertificateManager::Certificate"
]
assert certificates == [
    {
        "DomainName": "auth.example.com",
        "DomainValidationOptions": [{"DomainName": "auth.example.com", "HostedZoneId": "Z0123456789EXAMPLE"}],
        "Tags": [{"Key": "Name", "Value": "BindingsCustomDomainCertificate/LoginDomainCertificate"}],
        "ValidationMethod": "DNS",
    }
], certificates
login_stack = assembly.get_stack_by_name("BindingsCustomDomain")
assert certificate_stack.id in [d.id for d in login_stack.dependencies], login_stack.dependencies
domains = [
    r["Properties"]
    for r in login_stack.template["Resources"].values()
    if r["Type"] == "AWS::Cognito::UserPoolDomain"
]
assert domains[0]["CustomDomainConfig"]["CertificateArn"]["Fn::GetStackOutput"]["Region"] == "us-east-1", domains
