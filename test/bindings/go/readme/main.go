// The README's Go snippet, run by the bindings test (scripts/test-bindings.sh)
// in a directory holding branding/ and compared with typescript/readme-app.ts.
// README.md's ```go block must equal the lines between the markers
// (test/readme-languages.test.ts): change both together.

// README:begin
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cognito-login/cdk-cognito-login-go/cdkcognitologin"
)

func main() {
	defer jsii.Close()

	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Auth"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("eu-west-1")},
	})
	login := cdkcognitologin.NewCognitoLogin(stack, jsii.String("Login"), &cdkcognitologin.CognitoLoginProps{
		Domain: cdkcognitologin.LoginDomain_CognitoPrefix(jsii.String("acme-auth")),
		Pages: cdkcognitologin.LoginPages_ManagedLogin(&cdkcognitologin.ManagedLoginPagesOptions{
			Branding: &cdkcognitologin.BrandingStyleOptions{
				Settings: cdkcognitologin.BrandingSettings_FromFile(jsii.String("branding/settings.json")),
				Assets: &[]cdkcognitologin.BrandingAsset{
					cdkcognitologin.BrandingAsset_FromFile(jsii.String("branding/logo.png"), &cdkcognitologin.BrandingAssetOptions{
						Category: cdkcognitologin.BrandingCategory_PAGE_HEADER_LOGO, ColorMode: cdkcognitologin.BrandingColorMode_LIGHT,
					}),
				},
			},
		}),
		IdentityProviders: &[]cdkcognitologin.LoginProvider{
			cdkcognitologin.LoginProvider_Google(&cdkcognitologin.GoogleProviderOptions{
				ClientId:     jsii.String("1234567890-abc.apps.googleusercontent.com"),
				ClientSecret: awscdk.SecretValue_SecretsManager(jsii.String("google-secret"), nil),
			}),
			cdkcognitologin.LoginProvider_Saml(&cdkcognitologin.SamlProviderOptions{
				Name:     jsii.String("Corp"),
				Metadata: awscognito.UserPoolIdentityProviderSamlMetadata_Url(jsii.String("https://idp.example.com/saml/metadata.xml")),
			}),
		},
	})
	web := login.AddClient(jsii.String("Web"), &cdkcognitologin.LoginClientOptions{CallbackUrls: jsii.Strings("https://app.example.com/callback")})
	awscdk.NewCfnOutput(stack, jsii.String("WebSignIn"), &awscdk.CfnOutputProps{Value: login.SignInUrl(web)})

	app.Synth(nil)
}

// README:end
