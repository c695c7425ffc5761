//! Every request body the crate knows, by name: which provider's tables and rules judge it, and
//! whether it may be left out. A leaf: the providers' rules and operation tables, the client and
//! the JS boundary name bodies by this enum, and it depends on none of them.

/// Every request body of the Auth0 `/connections*` endpoints and Okta's provisioning connection.
/// `auth0::rules` keeps each Auth0 body's table root in the order of these variants (a test
/// there checks it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestBody {
    /// `POST /connections`
    ConnectionCreate,
    /// `PATCH /connections/{id}`
    ConnectionUpdate,
    /// `PATCH /connections/{id}/clients`
    EnabledClientsUpdate,
    /// `POST /connections/{id}/scim-configuration`
    ScimConfigurationCreate,
    /// `PATCH /connections/{id}/scim-configuration`
    ScimConfigurationUpdate,
    /// `POST /connections/{id}/scim-configuration/tokens`
    ScimTokenCreate,
    /// `POST /connections/{id}/directory-provisioning`
    DirectoryProvisioningCreate,
    /// `PATCH /connections/{id}/directory-provisioning`
    DirectoryProvisioningUpdate,
    /// `PUT /connections/{id}/directory-provisioning/synchronized-groups`
    SynchronizedGroupsReplace,
    /// `POST /connections/{id}/directory-provisioning/synchronized-groups`
    SynchronizedGroupsAdd,
    /// `DELETE /connections/{id}/directory-provisioning/synchronized-groups` (a JSON body)
    SynchronizedGroupsDelete,
    /// `POST /connections/{id}/keys`
    KeysCreate,
    /// `POST /connections/{id}/keys/rotate`
    KeysRotate,
    /// Okta `POST /api/v1/apps/{appId}/connections/default`
    OktaProvisioningConnection,
}

impl RequestBody {
    /// Every body, in the order of the variants.
    pub const ALL: [RequestBody; 14] = [
        RequestBody::ConnectionCreate,
        RequestBody::ConnectionUpdate,
        RequestBody::EnabledClientsUpdate,
        RequestBody::ScimConfigurationCreate,
        RequestBody::ScimConfigurationUpdate,
        RequestBody::ScimTokenCreate,
        RequestBody::DirectoryProvisioningCreate,
        RequestBody::DirectoryProvisioningUpdate,
        RequestBody::SynchronizedGroupsReplace,
        RequestBody::SynchronizedGroupsAdd,
        RequestBody::SynchronizedGroupsDelete,
        RequestBody::KeysCreate,
        RequestBody::KeysRotate,
        RequestBody::OktaProvisioningConnection,
    ];

    /// Whether the body may be left out (its schema also takes `null`): a call without one then
    /// sends no body at all, as the official SDK does, not `{}`.
    pub const fn optional(self) -> bool {
        matches!(
            self,
            RequestBody::ScimConfigurationCreate
                | RequestBody::DirectoryProvisioningCreate
                | RequestBody::DirectoryProvisioningUpdate
                | RequestBody::KeysCreate
                | RequestBody::KeysRotate
        )
    }

    /// The provider whose tables and rules judge the body.
    pub const fn provider(self) -> Provider {
        match self {
            RequestBody::OktaProvisioningConnection => Provider::Okta,
            _ => Provider::Auth0,
        }
    }
}

/// The provider whose schema tables and rules judge a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// Auth0's Management API (tables in `auth0::schema`, rules in `auth0::rules`).
    Auth0,
    /// Okta's provisioning connection (tables in `okta::schema`, rules in `okta::rules`).
    Okta,
}
