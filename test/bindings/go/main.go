// The Go app of the bindings test (scripts/test-bindings.sh). It builds the
// same stack as test/bindings/typescript/app.ts, written as a Go user would;
// its template must equal the TypeScript one. The cloud assembly goes where
// CDK_OUTDIR points. `go run .` runs it from test/bindings/go, so the fixtures
// are one folder up.
package main

import (
	"log"
	"path/filepath"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cognito-login/cdk-cognito-login-go/cdkcognitologin"
)

func fixture(name string) *string {
	path, err := filepath.Abs(filepath.Join("..", "fixtures", name))
	if err != nil {
		log.Fatal(err)
	}
	return jsii.String(path)
}

func main() {
	defer jsii.Close()

	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("BindingsStack"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("eu-west-1")},
	})

	// Managed login: a settings document and two images for every client, and a
	// typed style (merged over Cognito's defaults document) for the partner client.
	login := cdkcognitologin.NewCognitoLogin(stack, jsii.String("Login"), &cdkcognitologin.CognitoLoginProps{
		Domain: cdkcognitologin.LoginDomain_CognitoPrefix(jsii.String("acme-bindings")),
		Pages: cdkcognitologin.LoginPages_ManagedLogin(&cdkcognitologin.ManagedLoginPagesOptions{
			Branding: &cdkcognitologin.BrandingStyleOptions{
				Settings: cdkcognitologin.BrandingSettings_FromFile(fixture("settings.json")),
				Assets: &[]cdkcognitologin.BrandingAsset{
					cdkcognitologin.BrandingAsset_FromFile(fixture("logo.png"), &cdkcognitologin.BrandingAssetOptions{
						Category:  cdkcognitologin.BrandingCategory_PAGE_HEADER_LOGO,
						ColorMode: cdkcognitologin.BrandingColorMode_LIGHT,
					}),
					cdkcognitologin.BrandingAsset_FromFile(fixture("favicon.ico"), &cdkcognitologin.BrandingAssetOptions{
						Category:  cdkcognitologin.BrandingCategory_FAVICON_ICO,
						ColorMode: cdkcognitologin.BrandingColorMode_DYNAMIC,
					}),
				},
			},
			PerClient: &map[string]*cdkcognitologin.BrandingStyleOptions{
				"Partner": {
					Settings: cdkcognitologin.BrandingSettings_FromOptions(&cdkcognitologin.BrandingSettingsOptions{
						ColorScheme: cdkcognitologin.BrandingColorMode_DARK,
						DarkMode: &cdkcognitologin.BrandingModeColors{
							PrimaryButtonBackground: jsii.String("#d91515"),
							PageBackground:          jsii.String("0f1b2a"),
						},
						FormHorizontalLocation: cdkcognitologin.BrandingHorizontalLocation_START,
					}),
				},
			},
		}),
		IdentityProviders: &[]cdkcognitologin.LoginProvider{
			cdkcognitologin.LoginProvider_Google(&cdkcognitologin.GoogleProviderOptions{
				ClientId:     jsii.String("1234567890-bindings.apps.googleusercontent.com"),
				ClientSecret: awscdk.SecretValue_SecretsManager(jsii.String("google-secret"), nil),
				Scopes:       jsii.Strings("openid", "email", "profile"),
			}),
			cdkcognitologin.LoginProvider_Saml(&cdkcognitologin.SamlProviderOptions{
				Name:        jsii.String("Corp"),
				Metadata:    awscognito.UserPoolIdentityProviderSamlMetadata_Url(jsii.String("https://idp.example.com/saml/metadata.xml")),
				Identifiers: jsii.Strings("example.com"),
			}),
		},
		ResourceServers: &[]*cdkcognitologin.LoginResourceServerOptions{{
			Identifier: jsii.String("api"),
			Scopes: &[]*cdkcognitologin.ResourceServerScopeOptions{
				{Name: jsii.String("read"), Description: jsii.String("Read orders")},
			},
		}},
	})

	login.AddClient(jsii.String("Web"), &cdkcognitologin.LoginClientOptions{
		CallbackUrls: jsii.Strings("https://app.example.com/callback"),
		LogoutUrls:   jsii.Strings("https://app.example.com/"),
	})
	partner := login.AddClient(jsii.String("Partner"), &cdkcognitologin.LoginClientOptions{
		CallbackUrls:        jsii.Strings("https://partner.example.com/oauth2/callback"),
		IdentityProviders:   jsii.Strings("Corp"),
		GenerateSecret:      jsii.Bool(true),
		Scopes:              &[]awscognito.OAuthScope{awscognito.OAuthScope_OPENID(), login.ResourceServerScope(jsii.String("api"), jsii.String("read"))},
		AccessTokenValidity: awscdk.Duration_Minutes(jsii.Number(30)),
	})
	awscdk.NewCfnOutput(stack, jsii.String("PartnerSignIn"), &awscdk.CfnOutputProps{Value: login.SignInUrl(partner)})
	// A machine client: the client credentials grant, for the API's scope.
	login.AddMachineClient(jsii.String("Reports"), &cdkcognitologin.LoginMachineClientOptions{
		Scopes:              &[]awscognito.OAuthScope{login.ResourceServerScope(jsii.String("api"), jsii.String("read"))},
		AccessTokenValidity: awscdk.Duration_Minutes(jsii.Number(15)),
	})

	// The classic hosted UI: CSS and a logo, on a second login of the same stack
	// (a domain serves one generation of pages).
	classic := cdkcognitologin.NewCognitoLogin(stack, jsii.String("ClassicLogin"), &cdkcognitologin.CognitoLoginProps{
		Domain: cdkcognitologin.LoginDomain_CognitoPrefix(jsii.String("acme-bindings-classic")),
		Pages: cdkcognitologin.LoginPages_Classic(&cdkcognitologin.ClassicLoginPagesOptions{
			Css:  cdkcognitologin.ClassicCss_FromFile(fixture("classic.css")),
			Logo: cdkcognitologin.LogoImage_FromFile(fixture("logo.png")),
		}),
	})
	classic.AddClient(jsii.String("Legacy"), &cdkcognitologin.LoginClientOptions{
		CallbackUrls: jsii.Strings("https://legacy.example.com/callback"),
	})

	// The branding constructs on their own, on an imported pool and client.
	importedPool := awscognito.UserPool_FromUserPoolId(stack, jsii.String("ImportedPool"), jsii.String("eu-west-1_Bindings1"))
	importedClient := awscognito.UserPoolClient_FromUserPoolClientId(stack, jsii.String("ImportedClient"), jsii.String("1example23456789"))
	cdkcognitologin.NewManagedLoginBranding(stack, jsii.String("ImportedBranding"), &cdkcognitologin.ManagedLoginBrandingProps{
		UserPool:                 importedPool,
		Client:                   importedClient,
		UseCognitoProvidedValues: jsii.Bool(true),
	})
	cdkcognitologin.NewClassicLoginCustomization(stack, jsii.String("ImportedClassic"), &cdkcognitologin.ClassicLoginCustomizationProps{
		UserPool: importedPool,
		Css:      cdkcognitologin.ClassicCss_FromString(jsii.String(".banner-customizable { background-color: #f2f8fd; }")),
	})

	app.Synth(nil)
}
