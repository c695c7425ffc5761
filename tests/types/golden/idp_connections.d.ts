/* tslint:disable */
/* eslint-disable */

/**
 * `PATCH /connections/{id}` body given as JSON text; `value` as for
 * `validateConnectionCreateJson`, `options` as for `validateConnectionUpdate`.
 */
export function validateConnectionUpdateJson(text: unknown, options?: { strategy?: string }): ValidationResult<UpdateConnectionRequestContent>;



/** A validator's answer: the value when valid, else every issue found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };



export type ConnectionApiBehaviorEnum = "required" | "optional";
export type ConnectionAssertionDecryptionAlgorithmProfileEnum = "v2026-1";
export type ConnectionAuthorizationEndpoint = string;
export type ConnectionClientIdAzureAD = string;
export type ConnectionClientIdGoogleApps = string;
export type ConnectionClientIdOIDC = string;
export type ConnectionClientSecretGoogleApps = string;
export type ConnectionClientSecretOIDC = string;
export type ConnectionConnectionSettingsPkceEnum = "auto" | "S256" | "plain" | "disabled";
export type ConnectionDigestAlgorithmEnumSAML = "sha1" | "sha256";
export type ConnectionDpopSigningAlgEnum = "ES256" | "ES384" | "ES512" | "Ed25519";
export type ConnectionExtGroupsAzureAD = boolean;
export type ConnectionHttpsUrlWithHttpFallback2048 = string;
export type ConnectionHttpsUrlWithHttpFallback255 = string;
export type ConnectionIdTokenSessionExpirySupported = boolean;
export type ConnectionIdTokenSignedResponseAlgEnum = "ES256" | "ES384" | "PS256" | "PS384" | "RS256" | "RS384" | "RS512";
export type ConnectionIdTokenSignedResponseAlgs = Array<ConnectionIdTokenSignedResponseAlgEnum | (string & {})> | null;
export type ConnectionIdentifierPrecedenceEnum = "email" | "phone_number" | "username";
export type ConnectionIdentityApiEnumAzureAD = "microsoft-identity-platform-v2.0" | "azure-active-directory-v1.0";
export type ConnectionIdentityProviderEnum = "ad" | "adfs" | "amazon" | "apple" | "dropbox" | "bitbucket" | "auth0-oidc" | "auth0" | "baidu" | "bitly" | "box" | "custom" | "daccount" | "dwolla" | "email" | "evernote-sandbox" | "evernote" | "exact" | "facebook" | "fitbit" | "github" | "google-apps" | "google-oauth2" | "instagram" | "ip" | "line" | "linkedin" | "oauth1" | "oauth2" | "office365" | "oidc" | "okta" | "paypal" | "paypal-sandbox" | "pingfederate" | "planningcenter" | "salesforce-community" | "salesforce-sandbox" | "salesforce" | "samlp" | "sharepoint" | "shopify" | "shop" | "sms" | "soundcloud" | "thirtysevensignals" | "twitter" | "untappd" | "vkontakte" | "waad" | "weibo" | "windowslive" | "wordpress" | "yahoo" | "yandex" | "asana" | "atlassian" | "cloudflare-mcp" | "gitlab" | "hubspot-mcp" | "linear-mcp" | "notion-mcp" | "sentry-mcp" | "slack";
export type ConnectionIssuer = string;
export type ConnectionJwksUri = string;
export type ConnectionKeyUseEnum = "encryption" | "signing";
export type ConnectionMappingModeEnumOIDC = "bind_all" | "use_map";
export type ConnectionMappingModeEnumOkta = "basic_profile" | "use_map";
export type ConnectionOpPolicyUri = string;
export type ConnectionOpTosUri = string;
export type ConnectionOptions = Record<string, unknown>;
export type ConnectionOptionsIdpInitiatedClientProtocolEnumSAML = "oidc" | "samlp" | "wsfed";
export type ConnectionPasskeyChallengeUIEnum = "both" | "autofill" | "button";
export type ConnectionPasswordPolicyEnum = "none" | "low" | "fair" | "good" | "excellent";
export type ConnectionProtocolBindingEnumSAML = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" | "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
export type ConnectionProviderEnumSMS = "sms_gateway" | "twilio";
export type ConnectionRegistrationEndpoint = string;
export type ConnectionServiceDocumentation = string;
export type ConnectionSetUserRootAttributesEnum = "on_each_login" | "on_first_login" | "never_on_login";
export type ConnectionShouldTrustEmailVerifiedConnectionEnum = "never_set_emails_as_verified" | "always_set_emails_as_verified";
export type ConnectionSignatureAlgorithmEnumSAML = "rsa-sha1" | "rsa-sha256";
export type ConnectionSignupBehaviorEnum = "allow" | "block";
export type ConnectionStrategyEnum = "ad" | "adfs" | "amazon" | "apple" | "dropbox" | "bitbucket" | "auth0-oidc" | "auth0" | "baidu" | "bitly" | "box" | "custom" | "daccount" | "dwolla" | "email" | "evernote-sandbox" | "evernote" | "exact" | "facebook" | "fitbit" | "github" | "google-apps" | "google-oauth2" | "instagram" | "ip" | "line" | "linkedin" | "oauth1" | "oauth2" | "office365" | "oidc" | "okta" | "paypal" | "paypal-sandbox" | "pingfederate" | "planningcenter" | "salesforce-community" | "salesforce-sandbox" | "salesforce" | "samlp" | "sharepoint" | "shopify" | "shop" | "sms" | "soundcloud" | "thirtysevensignals" | "twitter" | "untappd" | "vkontakte" | "waad" | "weibo" | "windowslive" | "wordpress" | "yahoo" | "yandex" | "auth0-adldap" | "asana" | "atlassian" | "cloudflare-mcp" | "gitlab" | "hubspot-mcp" | "linear-mcp" | "notion-mcp" | "sentry-mcp" | "slack";
export type ConnectionTemplateSyntaxEnumSMS = "liquid" | "md_with_macros";
export type ConnectionTenantDomainSAML = string;
export type ConnectionTokenEndpoint = string;
export type ConnectionTokenEndpointAuthMethodEnum = "client_secret_post" | "private_key_jwt";
export type ConnectionTokenEndpointAuthSigningAlgEnum = "ES256" | "ES384" | "PS256" | "PS384" | "RS256" | "RS384" | "RS512";
export type ConnectionTokenEndpointJwtcaAudFormatEnumOIDC = "issuer" | "token_endpoint";
export type ConnectionTypeEnumOIDC = "back_channel" | "front_channel";
export type ConnectionTypeEnumOkta = "back_channel";
export type ConnectionUpstreamAdditionalProperties = (ConnectionUpstreamAlias) | (ConnectionUpstreamValue);
export type ConnectionUpstreamAliasEnum = "acr_values" | "audience" | "client_id" | "display" | "id_token_hint" | "login_hint" | "max_age" | "prompt" | "resource" | "response_mode" | "response_type" | "ui_locales";
export type ConnectionUpstreamParams = Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null;
export type ConnectionUseridAttributeEnumAzureAD = "oid" | "sub";
export type ConnectionUserinfoEndpoint = string;
export type ConnectionWaadProtocolEnumAzureAD = "ws-federation" | "openid-connect";
export type ConnectionsDiscoveryUrl = string | null;
export type ConnectionsMetadata = Record<string, string | null>;
export type ConnectionsOidcMetadata = Record<string, unknown> | null;
export type CrossAppAccessResourceAppStatusEnum = "enabled" | "disabled";
export type DefaultMethodEmailIdentifierEnum = "password" | "email_otp";
export type DefaultMethodPhoneNumberIdentifierEnum = "password" | "phone_otp";
export type GetScimTokensResponseContent = Array<ScimTokenItem>;
export type ListConnectionsResponseContent = (Array<ConnectionForList>) | (ListConnectionsOffsetPaginatedResponseContent) | (ListConnectionsCheckpointPaginatedResponseContent);
export type PasswordCharacterTypeEnum = "uppercase" | "lowercase" | "number" | "special";
export type PasswordCharacterTypeRulePolicyEnum = "all" | "three_of_four";
export type PasswordDefaultDictionariesEnum = "en_10k" | "en_100k";
export type PasswordIdenticalCharactersPolicyEnum = "allow" | "block";
export type PasswordMaxLengthExceededPolicyEnum = "truncate" | "error";
export type PasswordSequentialCharactersPolicyEnum = "allow" | "block";
export type PostConnectionKeysAlgEnum = "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "ES256" | "ES384";
export type PostConnectionsKeysResponseContent = Array<PostConnectionsKeysResponseContentItem>;
export type RotateConnectionKeysSigningAlgEnum = "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "ES256" | "ES384";
export type SignupStatusEnum = "required" | "optional" | "inactive";
export type SynchronizeGroupsEnum = "all" | "off" | "selected";
export type UpdateEnabledClientConnectionsRequestContent = Array<UpdateEnabledClientConnectionsRequestContentItem>;
export type VerificationMethodEnum = "link" | "otp";



export type ConnectionsSigningRotationMode = "AUTO" | "MANUAL";
export type HttpMethod = "DELETE" | "GET" | "POST" | "PUT";
export type ProvisioningConnectionAuthScheme = "OAUTH2" | "TOKEN" | "UNKNOWN";
export type ProvisioningConnectionOauthAuthScheme = "OAUTH2";
export type ProvisioningConnectionRequest = ProvisioningConnectionTokenRequest | ProvisioningConnectionOauthRequest;
export type ProvisioningConnectionStatus = "DISABLED" | "ENABLED" | "UNKNOWN";
export type ProvisioningConnectionTokenAuthScheme = "TOKEN";


/**
 * A map of scripts used to integrate with a custom database.
 */
export type ConnectionCustomScripts = { login?: string; get_user?: string; delete?: string; change_password?: string; verify?: string; create?: string; change_username?: string; change_email?: string; change_phone_number?: string } & Record<string, unknown>;

/**
 * Attribute configuration
 */
export type ConnectionAttributes = { email?: EmailAttribute; phone_number?: PhoneAttribute; username?: UsernameAttribute } & Record<string, unknown>;

/**
 * Configuration for IdP-Initiated SAML Single Sign-On. When enabled, allows users to initiate login directly from their SAML identity provider without first visiting Auth0. The IdP must include the connection parameter in the post-back URL (Assertion Consumer Service URL).
 */
export type ConnectionOptionsIdpinitiatedSAML = { client_authorizequery?: string; client_id?: string; client_protocol?: (ConnectionOptionsIdpInitiatedClientProtocolEnumSAML); enabled?: boolean } & Record<string, unknown>;

/**
 * Configuration for mapping claims from the identity provider to Auth0 user profile attributes. Allows customizing which IdP claims populate user fields and how they are transformed.
 */
export type ConnectionAttributeMapOIDC = { attributes?: Record<string, unknown>; mapping_mode?: ConnectionMappingModeEnumOIDC; userinfo_scope?: string } & Record<string, unknown>;

/**
 * Configuration for the email attribute for users.
 */
export type EmailAttribute = { identifier?: EmailAttributeIdentifier; unique?: boolean; profile_required?: boolean; verification_method?: VerificationMethodEnum; signup?: SignupVerified } & Record<string, unknown>;

/**
 * Configuration for the phone number attribute for users.
 */
export type PhoneAttribute = { identifier?: PhoneAttributeIdentifier; profile_required?: boolean; signup?: SignupVerified } & Record<string, unknown>;

/**
 * Configuration for the username attribute for users.
 */
export type UsernameAttribute = { identifier?: UsernameAttributeIdentifier; profile_required?: boolean; signup?: SignupSchema; validation?: UsernameValidation } & Record<string, unknown>;

/**
 * Configure the connection to be used as a Requesting Application for Cross App Access.
 */
export type CrossAppAccessRequestingApp = { active: boolean } & Record<string, unknown>;

/**
 * Configure the purpose of a connection to be used for authentication during login.
 */
export type ConnectionAuthenticationPurpose = { active: boolean } & Record<string, unknown>;

/**
 * Configure the purpose of a connection to be used for connected accounts and Token Vault.
 */
export type ConnectionConnectedAccountsPurpose = { active: boolean; cross_app_access?: boolean; allow_missing_user_id?: boolean } & Record<string, unknown>;

/**
 * Cross App Access - Resource App settings that apply to this connection.
 */
export type CrossAppAccessResourceApp = { status: CrossAppAccessResourceAppStatusEnum } & Record<string, unknown>;

/**
 * Cross App Access - Resource App settings that apply to this connection; null clears them.
 */
export type ConnectionCrossAppAccessResourceApp = { status: CrossAppAccessResourceAppStatusEnum } & Record<string, unknown>;

/**
 * Describes allowed HTTP verbs for the `href`
 */
export type HrefHintsGuidanceObject = { allow?: Array<HttpMethod | (string & {})>; guidance?: Array<string> } & Record<string, unknown>;

/**
 * Dictionary-based password restriction policy to prevent common passwords
 */
export type ConnectionPasswordOptionsDictionary = { active?: boolean; custom?: Array<string>; default?: PasswordDefaultDictionariesEnum } & Record<string, unknown>;

/**
 * Email OTP authentication enablement
 */
export type ConnectionEmailOtpAuthenticationMethod = { enabled?: boolean } & Record<string, unknown>;

/**
 * Email template configuration
 */
export type ConnectionEmailEmail = { body?: string; from?: string; subject?: string; syntax?: "liquid" } & Record<string, unknown>;

/**
 * Key pair with 'key' and 'cert' properties for signing SAML messages
 */
export type ConnectionSigningKeySAML = { cert?: string; key?: string } & Record<string, unknown>;

/**
 * Key pair with 'key' and 'cert' properties.
 */
export type ConnectionOptionsSAMLDecryptionKeyOption0 = { cert?: string; key?: string } & Record<string, unknown>;

/**
 * Link to activate the resource
 */
export type HrefObjectActivateLink = { hints?: unknown; href: string; name?: string; templated?: boolean; type?: string } & Record<string, unknown>;

/**
 * Link to authorize scopes
 */
export type HrefObjectAuthorizeLink = { hints?: HrefHintsGuidanceObject; href: string } & Record<string, unknown>;

/**
 * Link to deactivate the resource
 */
export type HrefObjectDeactivateLink = { hints?: unknown; href: string; name?: string; templated?: boolean; type?: string } & Record<string, unknown>;

/**
 * Link to the resource (self)
 */
export type HrefObjectSelfLink = { hints?: unknown; href: string; name?: string; templated?: boolean; type?: string } & Record<string, unknown>;

/**
 * Mapping of claims received from the identity provider (IdP)
 */
export type ConnectionAttributeMapOkta = { attributes?: Record<string, unknown>; mapping_mode?: ConnectionMappingModeEnumOkta; userinfo_scope?: string } & Record<string, unknown>;

/**
 * Multi-factor authentication configuration
 */
export type ConnectionMfa = { active?: boolean; return_enroll_settings?: boolean } & Record<string, unknown>;

/**
 * OAuth 2.0 PKCE (Proof Key for Code Exchange) settings. PKCE enhances security for public clients by preventing authorization code interception attacks. 'auto' (recommended) uses the strongest method supported by the IdP.
 */
export type ConnectionConnectionSettings = { pkce?: ConnectionConnectionSettingsPkceEnum } & Record<string, unknown>;

/**
 * OAuth 2.0-based provisioning connection request
 */
export type ProvisioningConnectionOauthRequest = { profile: ProvisioningConnectionOauthRequestProfile } & {};

/**
 * Okta `POST /api/v1/apps/{appId}/connections/default` body.
 */
export function validateProvisioningConnectionRequest(value: unknown): ValidationResult<ProvisioningConnectionRequest>;

/**
 * One problem found by a validator: where (`path`), what kind (`code`) and a sentence a person
 * can act on (`message`), which names the rule and the figure, e.g.
 * "metadata may have at most 10 keys; it has 11".
 */
export interface Issue {
    /**
     * Keys and indexes from the validated value down to the offending part; empty for the value
     * itself.
     */
    path: PathSegment[];
    /**
     * A stable machine-readable code.
     */
    code: IssueCode;
    /**
     * A plain-language explanation naming the rule and the figures involved.
     */
    message: string;
}

/**
 * One step of the path from the validated value to the offending part: an object key or an
 * array index.
 */
export type PathSegment = string | number;

/**
 * Only used for the Okta Org2Org (`okta_org2org`) app. The signing key rotation setting.
 */
export type Org2OrgProvisioningOAuthSigningSettings = { rotationMode: ConnectionsSigningRotationMode } & Record<string, unknown>;

/**
 * OpenID Connect Provider Metadata as per https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export type ConnectionOptionsOIDCMetadata = { acr_values_supported?: Array<string>; authorization_endpoint?: ConnectionAuthorizationEndpoint; claim_types_supported?: Array<string>; claims_locales_supported?: Array<string>; claims_parameter_supported?: boolean; claims_supported?: Array<string>; display_values_supported?: Array<string>; dpop_signing_alg_values_supported?: Array<string>; end_session_endpoint?: string; grant_types_supported?: Array<string>; id_token_encryption_alg_values_supported?: Array<string>; id_token_encryption_enc_values_supported?: Array<string>; id_token_signing_alg_values_supported?: Array<string>; issuer?: ConnectionIssuer; jwks_uri?: ConnectionJwksUri; op_policy_uri?: ConnectionOpPolicyUri; op_tos_uri?: ConnectionOpTosUri; registration_endpoint?: ConnectionRegistrationEndpoint; request_object_encryption_alg_values_supported?: Array<string>; request_object_encryption_enc_values_supported?: Array<string>; request_object_signing_alg_values_supported?: Array<string>; request_parameter_supported?: boolean; request_uri_parameter_supported?: boolean; require_request_uri_registration?: boolean; response_modes_supported?: Array<string>; response_types_supported?: Array<string>; scopes_supported?: Array<string> | null; service_documentation?: ConnectionServiceDocumentation; subject_types_supported?: Array<string>; token_endpoint?: ConnectionTokenEndpoint; token_endpoint_auth_methods_supported?: Array<string>; token_endpoint_auth_signing_alg_values_supported?: Array<string>; ui_locales_supported?: Array<string>; userinfo_encryption_alg_values_supported?: Array<string>; userinfo_encryption_enc_values_supported?: Array<string>; userinfo_endpoint?: ConnectionUserinfoEndpoint; userinfo_signing_alg_values_supported?: Array<string>; pushed_authorization_request_endpoint?: string; require_pushed_authorization_requests?: boolean } & Record<string, unknown>;

/**
 * Optional token-based authentication configuration for the SMS gateway
 */
export type ConnectionGatewayAuthenticationSMS = { audience: string; method: string; secret: string; secret_base64_encoded?: boolean; subject?: string } & Record<string, unknown>;

/**
 * Options for enabling authentication methods.
 */
export type ConnectionAuthenticationMethods = { password?: ConnectionPasswordAuthenticationMethod; passkey?: ConnectionPasskeyAuthenticationMethod; email_otp?: ConnectionEmailOtpAuthenticationMethod; phone_otp?: ConnectionPhoneOtpAuthenticationMethod } & Record<string, unknown>;

/**
 * Options for password dictionary policy
 */
export type ConnectionPasswordDictionaryOptions = { enable: boolean; dictionary?: Array<string> } & Record<string, unknown>;

/**
 * Options for password history policy
 */
export type ConnectionPasswordHistoryOptions = { enable: boolean; size?: number } & Record<string, unknown>;

/**
 * Options for personal info in passwords policy
 */
export type ConnectionPasswordNoPersonalInfoOptions = { enable: boolean } & Record<string, unknown>;

/**
 * Options for the 'ad' connection
 */
export type ConnectionOptionsAD = { non_persistent_attrs?: Array<string>; agentIP?: string; agentMode?: boolean; agentVersion?: string; brute_force_protection?: boolean; certAuth?: boolean; certs?: Array<string>; disable_cache?: boolean; disable_self_service_change_password?: boolean; domain_aliases?: Array<string>; icon_url?: string; ips?: Array<string>; kerberos?: boolean; set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; signInEndpoint?: (ConnectionHttpsUrlWithHttpFallback255); tenant_domain?: string; thumbprints?: Array<string>; upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null } & Record<string, unknown>;

/**
 * Options for the 'adfs' connection
 */
export type ConnectionOptionsADFS = { non_persistent_attrs?: Array<string>; adfs_server?: string; domain_aliases?: Array<string>; entityId?: string; fedMetadataXml?: (string); icon_url?: (string); prev_thumbprints?: Array<string>; set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; should_trust_email_verified_connection?: ConnectionShouldTrustEmailVerifiedConnectionEnum; signInEndpoint?: (ConnectionHttpsUrlWithHttpFallback2048); tenant_domain?: string; thumbprints?: Array<string>; upstream_params?: (Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)>); user_id_attribute?: string } & Record<string, unknown>;

/**
 * Options for the 'auth0' connection
 */
export type ConnectionOptionsAuth0 = { non_persistent_attrs?: Array<string>; attributes?: ConnectionAttributes; authentication_methods?: ConnectionAuthenticationMethods | null; brute_force_protection?: boolean; configuration?: Record<string, string>; customScripts?: ConnectionCustomScripts; disable_self_service_change_password?: boolean; disable_signup?: boolean; enable_script_context?: boolean; enabledDatabaseCustomization?: boolean; import_mode?: boolean; mfa?: ConnectionMfa; passkey_options?: ConnectionPasskeyOptions | null; passwordPolicy?: ConnectionPasswordPolicyEnum | null; password_complexity_options?: ConnectionPasswordComplexityOptions | null; password_dictionary?: ConnectionPasswordDictionaryOptions | null; password_history?: ConnectionPasswordHistoryOptions | null; password_no_personal_info?: ConnectionPasswordNoPersonalInfoOptions | null; password_options?: ConnectionPasswordOptions; precedence?: Array<ConnectionIdentifierPrecedenceEnum>; realm_fallback?: boolean; requires_username?: boolean; validation?: ConnectionValidationOptions | null } & Record<string, unknown>;

/**
 * Options for the 'email' connection
 */
export type ConnectionOptionsEmail = { authParams?: unknown; brute_force_protection?: boolean; disable_signup?: boolean; email?: ConnectionEmailEmail; name?: string; totp?: ConnectionTotpEmail; non_persistent_attrs?: Array<string> } & Record<string, unknown>;

/**
 * Options for the 'google-apps' connection
 */
export type ConnectionOptionsGoogleApps = { non_persistent_attrs?: Array<string>; admin_access_token?: string; admin_access_token_expiresin?: string; admin_refresh_token?: string; allow_setting_login_scopes?: boolean; api_enable_groups?: (boolean); api_enable_users?: (boolean); client_id?: ConnectionClientIdGoogleApps; client_secret?: ConnectionClientSecretGoogleApps; domain?: string; domain_aliases?: Array<string>; email?: boolean; ext_agreed_terms?: (boolean); ext_groups?: (boolean); ext_groups_extended?: boolean; ext_is_admin?: (boolean); ext_is_suspended?: (boolean); handle_login_from_social?: boolean; icon_url?: (string); map_user_id_to_id?: boolean; profile?: boolean; scope?: Array<string>; set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; tenant_domain?: (string); upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null } & Record<string, unknown>;

/**
 * Options for the 'google-oauth2' connection
 */
export type ConnectionOptionsGoogleOAuth2 = { non_persistent_attrs?: Array<string>; allowed_audiences?: Array<string>; client_id?: string; client_secret?: string; freeform_scopes?: (Array<string>); icon_url?: (string); scope?: (Array<string>); set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null; adsense_management?: boolean; analytics?: boolean; blogger?: boolean; calendar?: boolean; calendar_addons_execute?: boolean; calendar_events?: boolean; calendar_events_readonly?: boolean; calendar_settings_readonly?: boolean; chrome_web_store?: boolean; contacts?: boolean; contacts_new?: boolean; contacts_other_readonly?: boolean; contacts_readonly?: boolean; content_api_for_shopping?: boolean; coordinate?: boolean; coordinate_readonly?: boolean; directory_readonly?: boolean; document_list?: boolean; drive?: boolean; drive_activity?: boolean; drive_activity_readonly?: boolean; drive_appdata?: boolean; drive_apps_readonly?: boolean; drive_file?: boolean; drive_metadata?: boolean; drive_metadata_readonly?: boolean; drive_photos_readonly?: boolean; drive_readonly?: boolean; drive_scripts?: boolean; email?: boolean; gmail?: boolean; gmail_compose?: boolean; gmail_insert?: boolean; gmail_labels?: boolean; gmail_metadata?: boolean; gmail_modify?: boolean; gmail_new?: boolean; gmail_readonly?: boolean; gmail_send?: boolean; gmail_settings_basic?: boolean; gmail_settings_sharing?: boolean; google_affiliate_network?: boolean; google_books?: boolean; google_cloud_storage?: boolean; google_drive?: boolean; google_drive_files?: boolean; google_plus?: boolean; latitude_best?: boolean; latitude_city?: boolean; moderator?: boolean; offline_access?: boolean; orkut?: boolean; picasa_web?: boolean; profile?: boolean; sites?: boolean; tasks?: boolean; tasks_readonly?: boolean; url_shortener?: boolean; webmaster_tools?: boolean; youtube?: boolean; youtube_channelmemberships_creator?: boolean; youtube_new?: boolean; youtube_readonly?: boolean; youtube_upload?: boolean; youtubepartner?: boolean } & Record<string, unknown>;

/**
 * Options for the 'oidc' connection
 */
export type ConnectionOptionsOIDC = { authorization_endpoint?: ConnectionAuthorizationEndpoint; client_id: ConnectionClientIdOIDC; client_secret?: ConnectionClientSecretOIDC; connection_settings?: ConnectionConnectionSettings; domain_aliases?: Array<string>; dpop_signing_alg?: ConnectionDpopSigningAlgEnum; icon_url?: string; id_token_session_expiry_supported?: boolean; id_token_signed_response_algs?: Array<ConnectionIdTokenSignedResponseAlgEnum> | null; issuer?: ConnectionIssuer; jwks_uri?: ConnectionJwksUri; oidc_metadata?: ConnectionOptionsOIDCMetadata; scope?: string; send_back_channel_nonce?: boolean; set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; tenant_domain?: string; token_endpoint?: (ConnectionTokenEndpoint); token_endpoint_auth_method?: ConnectionTokenEndpointAuthMethodEnum | null; token_endpoint_auth_signing_alg?: ConnectionTokenEndpointAuthSigningAlgEnum | null; token_endpoint_jwtca_aud_format?: ConnectionTokenEndpointJwtcaAudFormatEnumOIDC; upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null; userinfo_endpoint?: (ConnectionUserinfoEndpoint); useOauthSpecScope?: boolean; enable_pushed_authorization_requests?: boolean; pushed_authorization_request_endpoint?: string; attribute_map?: ConnectionAttributeMapOIDC; discovery_url?: (ConnectionHttpsUrlWithHttpFallback255); type?: ConnectionTypeEnumOIDC; non_persistent_attrs?: Array<string> } & Record<string, unknown>;

/**
 * Options for the 'okta' connection
 */
export type ConnectionOptionsOkta = { non_persistent_attrs?: Array<string>; authorization_endpoint?: ConnectionAuthorizationEndpoint; client_id: ConnectionClientIdOIDC; client_secret?: ConnectionClientSecretOIDC; connection_settings?: ConnectionConnectionSettings; domain_aliases?: Array<string>; dpop_signing_alg?: ConnectionDpopSigningAlgEnum; icon_url?: string; id_token_session_expiry_supported?: boolean; id_token_signed_response_algs?: Array<ConnectionIdTokenSignedResponseAlgEnum> | null; issuer?: ConnectionIssuer; jwks_uri?: ConnectionJwksUri; oidc_metadata?: ConnectionOptionsOIDCMetadata; scope?: string; send_back_channel_nonce?: boolean; set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; tenant_domain?: string; token_endpoint?: (ConnectionTokenEndpoint); token_endpoint_auth_method?: ConnectionTokenEndpointAuthMethodEnum | null; token_endpoint_auth_signing_alg?: ConnectionTokenEndpointAuthSigningAlgEnum | null; token_endpoint_jwtca_aud_format?: ConnectionTokenEndpointJwtcaAudFormatEnumOIDC; upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null; userinfo_endpoint?: (ConnectionUserinfoEndpoint); useOauthSpecScope?: boolean; enable_pushed_authorization_requests?: boolean; pushed_authorization_request_endpoint?: string; attribute_map?: ConnectionAttributeMapOkta; domain?: string; type?: ConnectionTypeEnumOkta } & Record<string, unknown>;

/**
 * Options for the 'samlp' connection
 */
export type ConnectionOptionsSAML = { assertion_decryption_settings?: ConnectionAssertionDecryptionSettings; cert?: string; decryptionKey?: (ConnectionOptionsSAMLDecryptionKeyOption0) | (string); digestAlgorithm?: (ConnectionDigestAlgorithmEnumSAML); domain_aliases?: Array<string>; entityId?: string; icon_url?: (string); idpinitiated?: ConnectionOptionsIdpinitiatedSAML; protocolBinding?: (ConnectionProtocolBindingEnumSAML); set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; signInEndpoint?: (ConnectionHttpsUrlWithHttpFallback2048); signSAMLRequest?: boolean; signatureAlgorithm?: (ConnectionSignatureAlgorithmEnumSAML); tenant_domain?: ConnectionTenantDomainSAML; thumbprints?: Array<string>; upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null; non_persistent_attrs?: Array<string>; debug?: boolean; deflate?: boolean; destinationUrl?: (ConnectionHttpsUrlWithHttpFallback255); disableSignout?: boolean; fieldsMap?: Record<string, (string) | (Array<string>)>; global_token_revocation_jwt_iss?: string; global_token_revocation_jwt_sub?: string; metadataUrl?: (ConnectionHttpsUrlWithHttpFallback2048); metadataXml?: (string); recipientUrl?: (ConnectionHttpsUrlWithHttpFallback255); requestTemplate?: string; signingCert?: (string); signing_key?: ConnectionSigningKeySAML; signOutEndpoint?: (ConnectionHttpsUrlWithHttpFallback2048); user_id_attribute?: string; discovery_url?: string | null; oidc_metadata?: Record<string, unknown> | null } & Record<string, unknown>;

/**
 * Options for the 'sms' connection
 */
export type ConnectionOptionsSMS = { non_persistent_attrs?: Array<string>; brute_force_protection?: boolean; disable_signup?: (boolean); forward_req_info?: boolean; from?: string; gateway_authentication?: ConnectionGatewayAuthenticationSMS | null; gateway_url?: (ConnectionHttpsUrlWithHttpFallback255); messaging_service_sid?: string; name?: string; provider?: (ConnectionProviderEnumSMS); syntax?: ConnectionTemplateSyntaxEnumSMS; template?: string; totp?: ConnectionTotpSMS; twilio_sid?: string; twilio_token?: string } & Record<string, unknown>;

/**
 * Options for the 'waad' connection
 */
export type ConnectionOptionsAzureAD = { api_enable_users?: boolean; app_domain?: string; app_id?: string; basic_profile?: boolean; client_id: ConnectionClientIdAzureAD; client_secret?: string; domain_aliases?: Array<string>; ext_access_token?: boolean; ext_account_enabled?: boolean; ext_admin?: boolean; ext_agreed_terms?: boolean; ext_assigned_licenses?: boolean; ext_assigned_plans?: boolean; ext_azure_id?: boolean; ext_city?: boolean; ext_country?: boolean; ext_department?: boolean; ext_dir_sync_enabled?: boolean; ext_email?: boolean; ext_expires_in?: boolean; ext_family_name?: boolean; ext_fax?: boolean; ext_given_name?: boolean; ext_group_ids?: boolean; ext_groups?: ConnectionExtGroupsAzureAD; ext_is_suspended?: boolean; ext_job_title?: boolean; ext_last_sync?: boolean; ext_mobile?: boolean; ext_name?: boolean; ext_nested_groups?: boolean; ext_nickname?: boolean; ext_oid?: boolean; ext_phone?: boolean; ext_physical_delivery_office_name?: boolean; ext_postal_code?: boolean; ext_preferred_language?: boolean; ext_profile?: boolean; ext_provisioned_plans?: boolean; ext_provisioning_errors?: boolean; ext_proxy_addresses?: boolean; ext_puid?: boolean; ext_refresh_token?: boolean; ext_roles?: boolean; ext_state?: boolean; ext_street?: boolean; ext_telephoneNumber?: boolean; ext_tenantid?: boolean; ext_upn?: boolean; ext_usage_location?: boolean; ext_user_id?: boolean; granted?: boolean; icon_url?: (string); identity_api?: (ConnectionIdentityApiEnumAzureAD); max_groups_to_retrieve?: string; scope?: Array<string>; set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; should_trust_email_verified_connection?: ConnectionShouldTrustEmailVerifiedConnectionEnum; tenant_domain?: string; tenantId?: string; thumbprints?: Array<string>; upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null; use_wsfed?: boolean; useCommonEndpoint?: boolean; userid_attribute?: (ConnectionUseridAttributeEnumAzureAD); waad_protocol?: (ConnectionWaadProtocolEnumAzureAD); non_persistent_attrs?: Array<string> } & Record<string, unknown>;

/**
 * Options for the passkey authentication method
 */
export type ConnectionPasskeyOptions = { challenge_ui?: ConnectionPasskeyChallengeUIEnum; progressive_enrollment_enabled?: boolean; local_enrollment_enabled?: boolean } & Record<string, unknown>;

/**
 * Options for validation
 */
export type ConnectionValidationOptions = { username?: ConnectionUsernameValidationOptions | null } & Record<string, unknown>;

/**
 * Passkey authentication enablement
 */
export type ConnectionPasskeyAuthenticationMethod = { enabled?: boolean } & Record<string, unknown>;

/**
 * Password authentication enablement
 */
export type ConnectionPasswordAuthenticationMethod = { enabled?: boolean; api_behavior?: ConnectionApiBehaviorEnum; signup_behavior?: ConnectionSignupBehaviorEnum } & Record<string, unknown>;

/**
 * Password complexity options
 */
export type ConnectionPasswordComplexityOptions = { min_length?: number } & Record<string, unknown>;

/**
 * Password complexity requirements configuration
 */
export type ConnectionPasswordOptionsComplexity = { min_length?: number; character_types?: Array<PasswordCharacterTypeEnum>; character_type_rule?: PasswordCharacterTypeRulePolicyEnum; identical_characters?: PasswordIdenticalCharactersPolicyEnum; sequential_characters?: PasswordSequentialCharactersPolicyEnum; max_length_exceeded?: PasswordMaxLengthExceededPolicyEnum } & Record<string, unknown>;

/**
 * Password history policy configuration to prevent password reuse
 */
export type ConnectionPasswordOptionsHistory = { active?: boolean; size?: number } & Record<string, unknown>;

/**
 * Password policy options for flexible password policy configuration
 */
export type ConnectionPasswordOptions = { complexity?: ConnectionPasswordOptionsComplexity; dictionary?: ConnectionPasswordOptionsDictionary; history?: ConnectionPasswordOptionsHistory; profile_data?: ConnectionPasswordOptionsProfileData } & Record<string, unknown>;

/**
 * Personal information restriction policy to prevent use of profile data in passwords
 */
export type ConnectionPasswordOptionsProfileData = { active?: boolean; blocked_fields?: Array<string> } & Record<string, unknown>;

/**
 * Phone OTP authentication enablement
 */
export type ConnectionPhoneOtpAuthenticationMethod = { enabled?: boolean } & Record<string, unknown>;

/**
 * SCIM Token
 */
export type CreateScimTokenRequestContent = { scopes?: Array<string>; token_lifetime?: number | null } & {};

/**
 * Settings for SAML assertion decryption.
 */
export type ConnectionAssertionDecryptionSettings = { algorithm_profile: ConnectionAssertionDecryptionAlgorithmProfileEnum; algorithm_exceptions?: Array<string> } & Record<string, unknown>;

/**
 * Settings required for the Microsoft Office 365 provisioning connection
 */
export type Office365ProvisioningSettings = { adminPassword: string; adminUsername: string } & Record<string, unknown>;

/**
 * Specifies link relations (see [Web Linking](https://www.rfc-editor.org/rfc/rfc8288)) available using the [JSON Hypertext Application Language](https://datatracker.ietf.org/doc/html/draft-kelly-json-hal-06) specification. This object is used for dynamic discovery of related resources and lifecycle op
 */
export type LinksSelfLifecycleAndAuthorize = { self?: HrefObjectSelfLink; activate?: HrefObjectActivateLink; deactivate?: HrefObjectDeactivateLink; authorize?: HrefObjectAuthorizeLink } & Record<string, unknown>;

/**
 * The `AddSynchronizedGroupsRequestContent` schema of the official spec.
 */
export type AddSynchronizedGroupsRequestContent = { groups: Array<SynchronizedGroupPayload> } & {};

/**
 * The `AppConnectionUserProvisionJWKList` schema of the official spec.
 */
export type AppConnectionUserProvisionJWKList = { keys: Array<JsonWebKey> } & Record<string, unknown>;

/**
 * The `ConnectionEnabledClient` schema of the official spec.
 */
export type ConnectionEnabledClient = { client_id: string } & Record<string, unknown>;

/**
 * The `ConnectionForList` schema of the official spec.
 */
export type ConnectionForList = { name?: string; display_name?: string; options?: Record<string, unknown>; id?: string; strategy?: string; realms?: Array<string>; is_domain_connection?: boolean; show_as_button?: boolean; metadata?: Record<string, string | null>; authentication?: ConnectionAuthenticationPurpose; connected_accounts?: ConnectionConnectedAccountsPurpose; cross_app_access_requesting_app?: CrossAppAccessRequestingApp; cross_app_access_resource_app?: CrossAppAccessResourceApp } & Record<string, unknown>;

/**
 * The `ConnectionKey` schema of the official spec.
 */
export type ConnectionKey = { kid: string; cert: string; pkcs?: string; current?: boolean; next?: boolean; previous?: boolean; current_since?: string; fingerprint: string; thumbprint: string; algorithm?: string; key_use?: ConnectionKeyUseEnum | (string & {}); subject_dn?: string } & Record<string, unknown>;

/**
 * The `ConnectionTotpEmail` schema of the official spec.
 */
export type ConnectionTotpEmail = { length?: (number); time_step?: (number) } & Record<string, unknown>;

/**
 * The `ConnectionUpstreamAlias` schema of the official spec.
 */
export type ConnectionUpstreamAlias = { alias?: ConnectionUpstreamAliasEnum } & Record<string, unknown>;

/**
 * The `ConnectionUpstreamValue` schema of the official spec.
 */
export type ConnectionUpstreamValue = { value?: string } & Record<string, unknown>;

/**
 * The `ConnectionUsernameValidationOptions` schema of the official spec.
 */
export type ConnectionUsernameValidationOptions = { min: number; max: number } & Record<string, unknown>;

/**
 * The `CreateConnectionRequestContent` schema of the official spec.
 */
export type CreateConnectionRequestContent = { name: string; display_name?: string; strategy: ConnectionIdentityProviderEnum; options?: ConnectionPropertiesOptions; enabled_clients?: Array<string>; is_domain_connection?: boolean; show_as_button?: boolean; realms?: Array<string>; metadata?: Record<string, string | null>; authentication?: ConnectionAuthenticationPurpose; connected_accounts?: ConnectionConnectedAccountsPurpose; cross_app_access_requesting_app?: CrossAppAccessRequestingApp; cross_app_access_resource_app?: CrossAppAccessResourceApp } & {};

/**
 * The `CreateConnectionResponseContent` schema of the official spec.
 */
export type CreateConnectionResponseContent = { name?: string; display_name?: string; options?: Record<string, unknown>; id?: string; strategy?: string; realms?: Array<string>; enabled_clients?: Array<string>; is_domain_connection?: boolean; show_as_button?: boolean; metadata?: Record<string, string | null>; authentication?: ConnectionAuthenticationPurpose; connected_accounts?: ConnectionConnectedAccountsPurpose; cross_app_access_requesting_app?: CrossAppAccessRequestingApp; cross_app_access_resource_app?: CrossAppAccessResourceApp } & Record<string, unknown>;

/**
 * The `CreateDirectoryProvisioningRequestContent` schema of the official spec.
 */
export type CreateDirectoryProvisioningRequestContent = { mapping?: Array<DirectoryProvisioningMappingItem>; synchronize_automatically?: boolean; synchronize_groups?: SynchronizeGroupsEnum } & {};

/**
 * The `CreateDirectoryProvisioningResponseContent` schema of the official spec.
 */
export type CreateDirectoryProvisioningResponseContent = { connection_id: string; connection_name: string; strategy: string; mapping: Array<DirectoryProvisioningMappingItem>; synchronize_automatically: boolean; synchronize_groups?: SynchronizeGroupsEnum | (string & {}); created_at: string; updated_at: string; last_synchronization_at?: string; last_synchronization_status?: string; last_synchronization_error?: string } & Record<string, unknown>;

/**
 * The `CreateDirectorySynchronizationResponseContent` schema of the official spec.
 */
export type CreateDirectorySynchronizationResponseContent = { connection_id: string; synchronization_id: string; status: string } & Record<string, unknown>;

/**
 * The `CreateScimConfigurationRequestContent` schema of the official spec.
 */
export type CreateScimConfigurationRequestContent = { user_id_attribute?: string; mapping?: Array<ScimMappingItem> } & {};

/**
 * The `CreateScimConfigurationResponseContent` schema of the official spec.
 */
export type CreateScimConfigurationResponseContent = { connection_id: string; connection_name: string; strategy: string; tenant_name: string; user_id_attribute: string; mapping: Array<ScimMappingItem>; created_at: string; updated_on: string } & Record<string, unknown>;

/**
 * The `CreateScimTokenResponseContent` schema of the official spec.
 */
export type CreateScimTokenResponseContent = { token_id?: string; token?: string; scopes?: Array<string>; created_at?: string; valid_until?: string } & Record<string, unknown>;

/**
 * The `DeleteSynchronizedGroupsRequestContent` schema of the official spec.
 */
export type DeleteSynchronizedGroupsRequestContent = { groups: Array<SynchronizedGroupSelectionId> } & {};

/**
 * The `DirectoryProvisioningMappingItem` schema of the official spec.
 */
export type DirectoryProvisioningMappingItem = { auth0: string; idp: string } & Record<string, unknown>;

/**
 * The `DirectoryProvisioning` schema of the official spec.
 */
export type DirectoryProvisioning = { connection_id: string; connection_name: string; strategy: string; mapping: Array<DirectoryProvisioningMappingItem>; synchronize_automatically: boolean; synchronize_groups?: SynchronizeGroupsEnum | (string & {}); created_at: string; updated_at: string; last_synchronization_at?: string; last_synchronization_status?: string; last_synchronization_error?: string } & Record<string, unknown>;

/**
 * The `EmailAttributeIdentifier` schema of the official spec.
 */
export type EmailAttributeIdentifier = { active?: boolean; default_method?: DefaultMethodEmailIdentifierEnum } & Record<string, unknown>;

/**
 * The `ErrorCause` schema of the official spec.
 */
export type ErrorCause = { errorSummary?: string } & Record<string, unknown>;

/**
 * The `Error` schema of the official spec.
 */
export type Error = { errorCauses?: Array<ErrorCause>; errorCode?: string; errorId?: string; errorLink?: string; errorSummary?: string } & Record<string, unknown>;

/**
 * The `GetConnectionEnabledClientsResponseContent` schema of the official spec.
 */
export type GetConnectionEnabledClientsResponseContent = { clients: Array<ConnectionEnabledClient>; next?: string } & Record<string, unknown>;

/**
 * The `GetConnectionResponseContent` schema of the official spec.
 */
export type GetConnectionResponseContent = { name?: string; display_name?: string; options?: Record<string, unknown>; id?: string; strategy?: string; realms?: Array<string>; enabled_clients?: Array<string>; is_domain_connection?: boolean; show_as_button?: boolean; metadata?: Record<string, string | null>; authentication?: ConnectionAuthenticationPurpose; connected_accounts?: ConnectionConnectedAccountsPurpose; cross_app_access_requesting_app?: CrossAppAccessRequestingApp; cross_app_access_resource_app?: CrossAppAccessResourceApp } & Record<string, unknown>;

/**
 * The `GetDirectoryProvisioningDefaultMappingResponseContent` schema of the official spec.
 */
export type GetDirectoryProvisioningDefaultMappingResponseContent = { mapping?: Array<DirectoryProvisioningMappingItem> } & Record<string, unknown>;

/**
 * The `GetDirectoryProvisioningResponseContent` schema of the official spec.
 */
export type GetDirectoryProvisioningResponseContent = { connection_id: string; connection_name: string; strategy: string; mapping: Array<DirectoryProvisioningMappingItem>; synchronize_automatically: boolean; synchronize_groups?: SynchronizeGroupsEnum | (string & {}); created_at: string; updated_at: string; last_synchronization_at?: string; last_synchronization_status?: string; last_synchronization_error?: string } & Record<string, unknown>;

/**
 * The `GetScimConfigurationDefaultMappingResponseContent` schema of the official spec.
 */
export type GetScimConfigurationDefaultMappingResponseContent = { mapping?: Array<ScimMappingItem> } & Record<string, unknown>;

/**
 * The `GetScimConfigurationResponseContent` schema of the official spec.
 */
export type GetScimConfigurationResponseContent = { connection_id: string; connection_name: string; strategy: string; tenant_name: string; user_id_attribute: string; mapping: Array<ScimMappingItem>; created_at: string; updated_on: string } & Record<string, unknown>;

/**
 * The `JsonWebKey` schema of the official spec.
 */
export type JsonWebKey = { created?: string; e?: string; expiresAt?: string; kid?: string; kty?: string; lastUpdated?: string; n?: string; use?: string; x5c?: Array<string>; "x5t#S256"?: string } & Record<string, unknown>;

/**
 * The `ListConnectionsCheckpointPaginatedResponseContent` schema of the official spec.
 */
export type ListConnectionsCheckpointPaginatedResponseContent = { next?: string; connections?: Array<ConnectionForList> } & Record<string, unknown>;

/**
 * The `ListConnectionsOffsetPaginatedResponseContent` schema of the official spec.
 */
export type ListConnectionsOffsetPaginatedResponseContent = { start?: number; limit?: number; total?: number; connections?: Array<ConnectionForList> } & Record<string, unknown>;

/**
 * The `ListDirectoryProvisioningsResponseContent` schema of the official spec.
 */
export type ListDirectoryProvisioningsResponseContent = { directory_provisionings: Array<DirectoryProvisioning>; next?: string } & Record<string, unknown>;

/**
 * The `ListSCIMConfigurationsResponseContent` schema of the official spec.
 */
export type ListSCIMConfigurationsResponseContent = { scim_configurations: Array<ScimConfiguration>; next?: string } & Record<string, unknown>;

/**
 * The `ListSynchronizedGroupsResponseContent` schema of the official spec.
 */
export type ListSynchronizedGroupsResponseContent = { groups: Array<SynchronizedGroupPayload>; next?: string } & Record<string, unknown>;

/**
 * The `PhoneAttributeIdentifier` schema of the official spec.
 */
export type PhoneAttributeIdentifier = { active?: boolean; default_method?: DefaultMethodPhoneNumberIdentifierEnum } & Record<string, unknown>;

/**
 * The `PostConnectionKeysRequestContent` schema of the official spec.
 */
export type PostConnectionKeysRequestContent = { signing_alg?: PostConnectionKeysAlgEnum } & {};

/**
 * The `PostConnectionsKeysResponseContentItem` schema of the official spec.
 */
export type PostConnectionsKeysResponseContentItem = { kid: string; cert: string; pkcs?: string; current?: boolean; next?: boolean; current_since?: string; fingerprint: string; thumbprint: string; algorithm?: string; key_use?: ConnectionKeyUseEnum | (string & {}); subject_dn?: string } & Record<string, unknown>;

/**
 * The `ProvisioningConnectionOauthRequestProfile` schema of the official spec.
 */
export type ProvisioningConnectionOauthRequestProfile = { authScheme: ProvisioningConnectionOauthAuthScheme; clientId?: string; settings?: Office365ProvisioningSettings; signing?: Org2OrgProvisioningOAuthSigningSettings } & Record<string, unknown>;

/**
 * The `ProvisioningConnectionResponseProfile` schema of the official spec.
 */
export type ProvisioningConnectionResponseProfile = { authScheme: ProvisioningConnectionAuthScheme | (string & {}); signing?: Org2OrgProvisioningOAuthSigningSettings } & Record<string, unknown>;

/**
 * The `ProvisioningConnectionResponse` schema of the official spec.
 */
export type ProvisioningConnectionResponse = { authScheme?: ProvisioningConnectionTokenAuthScheme | (string & {}); baseUrl?: string; profile?: ProvisioningConnectionResponseProfile; status: ProvisioningConnectionStatus | (string & {}); _links?: LinksSelfLifecycleAndAuthorize } & Record<string, unknown>;

/**
 * The `ProvisioningConnectionTokenRequestProfile` schema of the official spec.
 */
export type ProvisioningConnectionTokenRequestProfile = { authScheme: ProvisioningConnectionTokenAuthScheme; token?: string } & Record<string, unknown>;

/**
 * The `ReplaceSynchronizedGroupsRequestContent` schema of the official spec.
 */
export type ReplaceSynchronizedGroupsRequestContent = { groups: Array<SynchronizedGroupPayload> } & {};

/**
 * The `RotateConnectionKeysRequestContent` schema of the official spec.
 */
export type RotateConnectionKeysRequestContent = { signing_alg?: RotateConnectionKeysSigningAlgEnum } & {};

/**
 * The `RotateConnectionsKeysResponseContent` schema of the official spec.
 */
export type RotateConnectionsKeysResponseContent = { kid: string; cert: string; pkcs?: string; next?: boolean; fingerprint: string; thumbprint: string; algorithm?: string; key_use?: ConnectionKeyUseEnum | (string & {}); subject_dn?: string } & Record<string, unknown>;

/**
 * The `ScimConfiguration` schema of the official spec.
 */
export type ScimConfiguration = { connection_id: string; connection_name: string; strategy: string; tenant_name: string; user_id_attribute: string; mapping: Array<ScimMappingItem>; created_at: string; updated_on: string } & Record<string, unknown>;

/**
 * The `ScimMappingItem` schema of the official spec.
 */
export type ScimMappingItem = { auth0?: string; scim?: string } & Record<string, unknown>;

/**
 * The `ScimTokenItem` schema of the official spec.
 */
export type ScimTokenItem = { token_id?: string; scopes?: Array<string>; created_at?: string; valid_until?: string; last_used_at?: string } & Record<string, unknown>;

/**
 * The `SignupSchema` schema of the official spec.
 */
export type SignupSchema = { status?: SignupStatusEnum } & Record<string, unknown>;

/**
 * The `SignupVerification` schema of the official spec.
 */
export type SignupVerification = { active?: boolean } & Record<string, unknown>;

/**
 * The `SignupVerified` schema of the official spec.
 */
export type SignupVerified = { status?: SignupStatusEnum; verification?: SignupVerification } & Record<string, unknown>;

/**
 * The `SynchronizedGroupPayload` schema of the official spec.
 */
export type SynchronizedGroupPayload = { id: string; name?: string; email?: string; direct_members_count?: number } & Record<string, unknown>;

/**
 * The `SynchronizedGroupSelectionId` schema of the official spec.
 */
export type SynchronizedGroupSelectionId = { id: string } & Record<string, unknown>;

/**
 * The `UpdateConnectionRequestContent` schema of the official spec.
 */
export type UpdateConnectionRequestContent = { display_name?: string; options?: UpdateConnectionOptions | null; enabled_clients?: Array<string> | null; is_domain_connection?: boolean; show_as_button?: boolean; realms?: Array<string>; metadata?: Record<string, string | null>; authentication?: ConnectionAuthenticationPurpose; connected_accounts?: ConnectionConnectedAccountsPurpose; cross_app_access_requesting_app?: CrossAppAccessRequestingApp; cross_app_access_resource_app?: ConnectionCrossAppAccessResourceApp | null } & {};

/**
 * The `UpdateConnectionResponseContent` schema of the official spec.
 */
export type UpdateConnectionResponseContent = { name?: string; display_name?: string; options?: Record<string, unknown>; id?: string; strategy?: string; realms?: Array<string>; enabled_clients?: Array<string>; is_domain_connection?: boolean; show_as_button?: boolean; metadata?: Record<string, string | null>; authentication?: ConnectionAuthenticationPurpose; connected_accounts?: ConnectionConnectedAccountsPurpose; cross_app_access_requesting_app?: CrossAppAccessRequestingApp; cross_app_access_resource_app?: CrossAppAccessResourceApp } & Record<string, unknown>;

/**
 * The `UpdateDirectoryProvisioningRequestContent` schema of the official spec.
 */
export type UpdateDirectoryProvisioningRequestContent = { mapping?: Array<DirectoryProvisioningMappingItem>; synchronize_automatically?: boolean; synchronize_groups?: SynchronizeGroupsEnum } & {};

/**
 * The `UpdateDirectoryProvisioningResponseContent` schema of the official spec.
 */
export type UpdateDirectoryProvisioningResponseContent = { connection_id: string; connection_name: string; strategy: string; mapping: Array<DirectoryProvisioningMappingItem>; synchronize_automatically: boolean; synchronize_groups?: SynchronizeGroupsEnum | (string & {}); created_at: string; updated_at: string; last_synchronization_at?: string; last_synchronization_status?: string; last_synchronization_error?: string } & Record<string, unknown>;

/**
 * The `UpdateEnabledClientConnectionsRequestContentItem` schema of the official spec.
 */
export type UpdateEnabledClientConnectionsRequestContentItem = { client_id: string; status: boolean } & Record<string, unknown>;

/**
 * The `UpdateScimConfigurationRequestContent` schema of the official spec.
 */
export type UpdateScimConfigurationRequestContent = { user_id_attribute: string; mapping: Array<ScimMappingItem> } & {};

/**
 * The `UpdateScimConfigurationResponseContent` schema of the official spec.
 */
export type UpdateScimConfigurationResponseContent = { connection_id: string; connection_name: string; strategy: string; tenant_name: string; user_id_attribute: string; mapping: Array<ScimMappingItem>; created_at: string; updated_on: string } & Record<string, unknown>;

/**
 * The `UsernameAllowedTypes` schema of the official spec.
 */
export type UsernameAllowedTypes = { email?: boolean; phone_number?: boolean } & Record<string, unknown>;

/**
 * The `UsernameAttributeIdentifier` schema of the official spec.
 */
export type UsernameAttributeIdentifier = { active?: boolean; default_method?: string } & Record<string, unknown>;

/**
 * The `UsernameValidation` schema of the official spec.
 */
export type UsernameValidation = { min_length?: number; max_length?: number; allowed_types?: UsernameAllowedTypes } & Record<string, unknown>;

/**
 * The connection's options (depend on the connection strategy)
 */
export type ConnectionPropertiesOptions = { validation?: ConnectionValidationOptions | null; non_persistent_attrs?: Array<string> | null; precedence?: Array<ConnectionIdentifierPrecedenceEnum>; attributes?: ConnectionAttributes; enable_script_context?: boolean; enabledDatabaseCustomization?: boolean; import_mode?: boolean; configuration?: Record<string, string | null> | null; customScripts?: ConnectionCustomScripts; authentication_methods?: ConnectionAuthenticationMethods | null; passkey_options?: ConnectionPasskeyOptions | null; passwordPolicy?: ConnectionPasswordPolicyEnum | null; password_complexity_options?: ConnectionPasswordComplexityOptions | null; password_history?: ConnectionPasswordHistoryOptions | null; password_no_personal_info?: ConnectionPasswordNoPersonalInfoOptions | null; password_dictionary?: ConnectionPasswordDictionaryOptions | null; api_enable_users?: boolean; api_enable_groups?: boolean; basic_profile?: boolean; ext_admin?: boolean; ext_is_suspended?: boolean; ext_agreed_terms?: boolean; ext_groups?: boolean; ext_assigned_plans?: boolean; ext_profile?: boolean; disable_self_service_change_password?: boolean; upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null; set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; gateway_authentication?: ConnectionGatewayAuthentication | null; password_options?: ConnectionPasswordOptions; assertion_decryption_settings?: ConnectionAssertionDecryptionSettings; id_token_signed_response_algs?: Array<ConnectionIdTokenSignedResponseAlgEnum> | null; dpop_signing_alg?: ConnectionDpopSigningAlgEnum; token_endpoint_auth_method?: ConnectionTokenEndpointAuthMethodEnum | null; token_endpoint_auth_signing_alg?: ConnectionTokenEndpointAuthSigningAlgEnum | null; token_endpoint_jwtca_aud_format?: ConnectionTokenEndpointJwtcaAudFormatEnumOIDC; id_token_session_expiry_supported?: boolean; discovery_url?: string | null; oidc_metadata?: Record<string, unknown> | null; useOauthSpecScope?: boolean; enable_pushed_authorization_requests?: boolean; pushed_authorization_request_endpoint?: string } & Record<string, unknown>;

/**
 * The connection's options (depend on the connection strategy). To update these options, the `update:connections_options` scope must be present. To verify your changes, also include the `read:connections_options` scope. If this scope is not specified, you will not be able to review the updated object.
 */
export type UpdateConnectionOptions = { validation?: ConnectionValidationOptions | null; non_persistent_attrs?: Array<string> | null; precedence?: Array<ConnectionIdentifierPrecedenceEnum>; attributes?: ConnectionAttributes; enable_script_context?: boolean; enabledDatabaseCustomization?: boolean; import_mode?: boolean; configuration?: Record<string, string | null> | null; customScripts?: ConnectionCustomScripts; authentication_methods?: ConnectionAuthenticationMethods | null; passkey_options?: ConnectionPasskeyOptions | null; passwordPolicy?: ConnectionPasswordPolicyEnum | null; password_complexity_options?: ConnectionPasswordComplexityOptions | null; password_history?: ConnectionPasswordHistoryOptions | null; password_no_personal_info?: ConnectionPasswordNoPersonalInfoOptions | null; password_dictionary?: ConnectionPasswordDictionaryOptions | null; api_enable_users?: boolean; api_enable_groups?: boolean; basic_profile?: boolean; ext_admin?: boolean; ext_is_suspended?: boolean; ext_agreed_terms?: boolean; ext_groups?: boolean; ext_assigned_plans?: boolean; ext_profile?: boolean; disable_self_service_change_password?: boolean; upstream_params?: Record<string, (ConnectionUpstreamAlias) | (ConnectionUpstreamValue)> | null; set_user_root_attributes?: ConnectionSetUserRootAttributesEnum; gateway_authentication?: ConnectionGatewayAuthentication | null; password_options?: ConnectionPasswordOptions; assertion_decryption_settings?: ConnectionAssertionDecryptionSettings; id_token_signed_response_algs?: Array<ConnectionIdTokenSignedResponseAlgEnum> | null; dpop_signing_alg?: ConnectionDpopSigningAlgEnum; token_endpoint_auth_method?: ConnectionTokenEndpointAuthMethodEnum | null; token_endpoint_auth_signing_alg?: ConnectionTokenEndpointAuthSigningAlgEnum | null; token_endpoint_jwtca_aud_format?: ConnectionTokenEndpointJwtcaAudFormatEnumOIDC; id_token_session_expiry_supported?: boolean; discovery_url?: string | null; oidc_metadata?: Record<string, unknown> | null; useOauthSpecScope?: boolean; enable_pushed_authorization_requests?: boolean; pushed_authorization_request_endpoint?: string } & Record<string, unknown>;

/**
 * The stable, documented set of issue codes. Their string forms never change between versions.
 */
export type IssueCode = "required" | "type" | "too_long" | "too_short" | "pattern" | "enum" | "too_many" | "too_few" | "too_small" | "too_large" | "unknown_field" | "empty_update" | "one_of" | "duplicate" | "too_deep" | "syntax" | "conflict" | "no_identifier" | "signup_required" | "create_only" | "unsupported" | "format";

/**
 * Time-based One-Time Password (TOTP) options
 */
export type ConnectionTotpSMS = { length?: (number); time_step?: (number) } & Record<string, unknown>;

/**
 * Token-based authentication settings to be applied when connection is using an sms strategy.
 */
export type ConnectionGatewayAuthentication = { method: string; subject?: string; audience: string; secret: string; secret_base64_encoded?: boolean } & Record<string, unknown>;

/**
 * Token-based provisioning connection request
 */
export type ProvisioningConnectionTokenRequest = { baseUrl?: string; profile: ProvisioningConnectionTokenRequestProfile } & {};

/**
 * `DELETE /connections/{id}/directory-provisioning/synchronized-groups` body (groups to remove).
 */
export function validateSynchronizedGroupsDelete(value: unknown): ValidationResult<DeleteSynchronizedGroupsRequestContent>;

/**
 * `PATCH /connections/{id}/clients` body (at most 50 entries).
 */
export function validateEnabledClientsUpdate(value: unknown): ValidationResult<UpdateEnabledClientConnectionsRequestContent>;

/**
 * `PATCH /connections/{id}/directory-provisioning` body.
 */
export function validateDirectoryProvisioningUpdate(value: unknown): ValidationResult<UpdateDirectoryProvisioningRequestContent>;

/**
 * `PATCH /connections/{id}/scim-configuration` body.
 */
export function validateScimConfigurationUpdate(value: unknown): ValidationResult<UpdateScimConfigurationRequestContent>;

/**
 * `PATCH /connections/{id}` body. With `{ strategy }` (the connection's), its options are checked against that strategy's options schema, and Cross App Access is refused on strategies other than oidc and okta.
 */
export function validateConnectionUpdate(value: unknown, options?: { strategy?: string }): ValidationResult<UpdateConnectionRequestContent>;

/**
 * `POST /connections/{id}/directory-provisioning/synchronized-groups` body (groups to add).
 */
export function validateSynchronizedGroupsAdd(value: unknown): ValidationResult<AddSynchronizedGroupsRequestContent>;

/**
 * `POST /connections/{id}/directory-provisioning` body.
 */
export function validateDirectoryProvisioningCreate(value: unknown): ValidationResult<CreateDirectoryProvisioningRequestContent>;

/**
 * `POST /connections/{id}/keys/rotate` body.
 */
export function validateConnectionKeysRotate(value: unknown): ValidationResult<RotateConnectionKeysRequestContent>;

/**
 * `POST /connections/{id}/keys` body.
 */
export function validateConnectionKeysCreate(value: unknown): ValidationResult<PostConnectionKeysRequestContent>;

/**
 * `POST /connections/{id}/scim-configuration/tokens` body.
 */
export function validateScimTokenCreate(value: unknown): ValidationResult<CreateScimTokenRequestContent>;

/**
 * `POST /connections/{id}/scim-configuration` body.
 */
export function validateScimConfigurationCreate(value: unknown): ValidationResult<CreateScimConfigurationRequestContent>;

/**
 * `POST /connections` body.
 */
export function validateConnectionCreate(value: unknown): ValidationResult<CreateConnectionRequestContent>;

/**
 * `PUT /connections/{id}/directory-provisioning/synchronized-groups` body.
 */
export function validateSynchronizedGroupsReplace(value: unknown): ValidationResult<ReplaceSynchronizedGroupsRequestContent>;


/**
 * `POST /connections` body given as JSON text (a Worker's request body): validated without
 * building a JS object first. A valid result's `value` is the text parsed on first read (once);
 * it is a getter, so read it rather than spreading the result.
 */
export function validateConnectionCreateJson(text: unknown): ValidationResult<CreateConnectionRequestContent>;

/**
 * Checks a display name as the user types: a string of at most 128 characters.
 */
export function validateDisplayName(value: unknown): Issue[];

/**
 * Checks connection metadata as the user edits it: at most 10 keys, values strings (or null)
 * of at most 255 characters.
 */
export function validateMetadata(value: unknown): Issue[];

/**
 * Checks a strategy: one of the 55 values of `STRATEGIES`.
 */
export function validateStrategy(value: unknown): Issue[];

/**
 * The crate's version, which is also the npm package's version.
 */
export function version(): string;
