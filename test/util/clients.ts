/** What a CfnUserPoolClient needs to have hosted pages: OAuth with the code grant (AllowedOAuthFlowsUserPoolClient is false when absent). */
export const HOSTED_PAGES = {
  allowedOAuthFlowsUserPoolClient: true,
  allowedOAuthFlows: ['code'],
  allowedOAuthScopes: ['openid'],
  callbackUrLs: ['https://kiosk.example.com/callback'],
};
