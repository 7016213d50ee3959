module github.com/cdk-cognito-login/bindings-test

go 1.25.0

require (
	github.com/aws/aws-cdk-go/awscdk/v2 v2.177.0
	github.com/aws/jsii-runtime-go v1.140.0
	github.com/cdk-cognito-login/cdk-cognito-login-go/cdkcognitologin v0.0.0
)

require (
	github.com/Masterminds/semver/v3 v3.5.0 // indirect
	github.com/aws/constructs-go/constructs/v10 v10.4.2 // indirect
	github.com/cdklabs/awscdk-asset-awscli-go/awscliv1/v2 v2.2.292 // indirect
	github.com/cdklabs/awscdk-asset-kubectl-go/kubectlv20/v2 v2.1.4 // indirect
	github.com/cdklabs/awscdk-asset-node-proxy-agent-go/nodeproxyagentv6/v2 v2.1.2 // indirect
	github.com/cdklabs/cloud-assembly-schema-go/awscdkcloudassemblyschema/v39 v39.2.20 // indirect
)

// The library's real module path, replaced by the module jsii-pacmak built into
// dist/go (scripts/test-bindings.sh); aws-cdk-go is required at the peer floor.
replace github.com/cdk-cognito-login/cdk-cognito-login-go/cdkcognitologin => ../../../dist/go/cdkcognitologin
