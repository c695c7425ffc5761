//! [`ManagementClient`] and its resource tree: every operation of the Auth0 `/connections*`
//! endpoints, named as the official SDKs name them (`connections.scimConfiguration.tokens.delete`
//! is `client.connections().scim_configuration().tokens().delete(…)`), each returning its typed
//! model.

use super::call::{empty, id, json, with_body};
use super::driver::Driver;
use super::error::ManagementError;
use super::options::{ClientOptions, RequestOptions};
use super::page::{Lister, Page, Pager};
use super::params::{
    CheckpointParams, GetConnectionParams, ListConnectionsParams, ListSynchronizedGroupsParams,
};
use crate::auth0::models::*;
use crate::http::operation::OpArgs;
use crate::http::params::{ParamValue, Params};
use crate::http::retry::Dialect;

/// The Auth0 Management API client (its `/connections*` endpoints).
#[derive(Debug, Clone)]
pub struct ManagementClient {
    driver: Driver,
}

impl ManagementClient {
    /// A client for `options`; a `validation` error names every bad option (a domain with a
    /// path, plain `http` to a host that is not loopback, empty credentials…).
    pub fn new(options: ClientOptions) -> Result<Self, ManagementError> {
        Driver::new(Dialect::Auth0, options).map(|driver| ManagementClient { driver })
    }

    /// The same client (sharing its token cache) with `options` for every call made through
    /// the handle returned: a longer timeout for one slow call, other headers, another policy.
    pub fn with_request_options(&self, options: &RequestOptions) -> Self {
        ManagementClient {
            driver: self.driver.with_call(options.to_call()),
        }
    }

    /// The API base URL (e.g. `https://acme.auth0.com/api/v2`).
    pub fn base_url(&self) -> String {
        self.driver.base_url()
    }

    /// `client.connections`.
    pub fn connections(&self) -> ConnectionsApi<'_> {
        ConnectionsApi {
            driver: &self.driver,
        }
    }
}

/// `client.connections`.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionsApi<'a> {
    driver: &'a Driver,
}

impl<'a> ConnectionsApi<'a> {
    /// The lister of `connections.list`.
    fn lister(&self) -> Lister<ConnectionForList, ListConnectionsParams> {
        Lister::new(self.driver, "connections.list", None)
    }

    /// `GET /connections`: one page, checkpoint (`from`, `take`) or offset (`page`, `per_page`,
    /// `include_totals`) paged.
    pub async fn list(
        &self,
        params: ListConnectionsParams,
    ) -> Result<Page<ConnectionForList, ListConnectionsParams>, ManagementError> {
        self.lister().fetch(params).await
    }

    /// Every connection from the page `params` select on, fetched page by page.
    pub fn list_all(
        &self,
        params: ListConnectionsParams,
    ) -> Pager<ConnectionForList, ListConnectionsParams> {
        self.lister().pager(params)
    }

    /// `POST /connections`: the body is validated first (per the client's policy).
    pub async fn create(
        &self,
        body: &CreateConnectionRequestContent,
    ) -> Result<CreateConnectionResponseContent, ManagementError> {
        let args = with_body(self.driver, OpArgs::default(), body)?;
        json(self.driver, "connections.create", args).await
    }

    /// `GET /connections/{id}`.
    pub async fn get(&self, id_: &str) -> Result<GetConnectionResponseContent, ManagementError> {
        json(self.driver, "connections.get", id(id_)).await
    }

    /// `GET /connections/{id}` with `fields` and `include_fields`.
    pub async fn get_with(
        &self,
        id_: &str,
        params: &GetConnectionParams,
    ) -> Result<GetConnectionResponseContent, ManagementError> {
        let args = OpArgs {
            params: params.to_params(),
            ..id(id_)
        };
        json(self.driver, "connections.get", args).await
    }

    /// `PATCH /connections/{id}`: the body is validated first.
    pub async fn update(
        &self,
        id_: &str,
        body: &UpdateConnectionRequestContent,
    ) -> Result<UpdateConnectionResponseContent, ManagementError> {
        self.update_for(id_, None, body).await
    }

    /// `PATCH /connections/{id}` of a connection whose `strategy` the caller knows: the body's
    /// `options` are then checked against that strategy's options too.
    pub async fn update_for(
        &self,
        id_: &str,
        strategy: Option<&str>,
        body: &UpdateConnectionRequestContent,
    ) -> Result<UpdateConnectionResponseContent, ManagementError> {
        let mut args = with_body(self.driver, id(id_), body)?;
        args.strategy = strategy.map(str::to_owned);
        json(self.driver, "connections.update", args).await
    }

    /// `DELETE /connections/{id}`.
    pub async fn delete(&self, id_: &str) -> Result<(), ManagementError> {
        empty(self.driver, "connections.delete", id(id_)).await
    }

    /// `GET /connections/{id}/status`: `Ok` when the connection is online.
    pub async fn check_status(&self, id_: &str) -> Result<(), ManagementError> {
        empty(self.driver, "connections.checkStatus", id(id_)).await
    }

    /// `client.connections.clients`.
    pub fn clients(&self) -> ClientsApi<'a> {
        ClientsApi {
            driver: self.driver,
        }
    }

    /// `client.connections.keys`.
    pub fn keys(&self) -> KeysApi<'a> {
        KeysApi {
            driver: self.driver,
        }
    }

    /// `client.connections.users`.
    pub fn users(&self) -> UsersApi<'a> {
        UsersApi {
            driver: self.driver,
        }
    }

    /// `client.connections.scimConfiguration`.
    pub fn scim_configuration(&self) -> ScimConfigurationApi<'a> {
        ScimConfigurationApi {
            driver: self.driver,
        }
    }

    /// `client.connections.directoryProvisioning`.
    pub fn directory_provisioning(&self) -> DirectoryProvisioningApi<'a> {
        DirectoryProvisioningApi {
            driver: self.driver,
        }
    }
}

/// `client.connections.clients`.
#[derive(Debug, Clone, Copy)]
pub struct ClientsApi<'a> {
    driver: &'a Driver,
}

impl ClientsApi<'_> {
    /// `GET /connections/{id}/clients`: one checkpoint page of the enabled clients.
    pub async fn get(
        &self,
        id_: &str,
        params: CheckpointParams,
    ) -> Result<Page<ConnectionEnabledClient, CheckpointParams>, ManagementError> {
        Lister::new(self.driver, "connections.clients.get", Some(id_))
            .fetch(params)
            .await
    }

    /// `PATCH /connections/{id}/clients`: enables or disables clients.
    pub async fn update(
        &self,
        id_: &str,
        body: &[UpdateEnabledClientConnectionsRequestContentItem],
    ) -> Result<(), ManagementError> {
        let args = with_body(self.driver, id(id_), body)?;
        empty(self.driver, "connections.clients.update", args).await
    }
}

/// `client.connections.keys`.
#[derive(Debug, Clone, Copy)]
pub struct KeysApi<'a> {
    driver: &'a Driver,
}

impl KeysApi<'_> {
    /// `GET /connections/{id}/keys`.
    pub async fn get(&self, id_: &str) -> Result<Vec<ConnectionKey>, ManagementError> {
        json(self.driver, "connections.keys.get", id(id_)).await
    }

    /// `POST /connections/{id}/keys`.
    pub async fn create(
        &self,
        id_: &str,
        body: &PostConnectionKeysRequestContent,
    ) -> Result<Vec<PostConnectionsKeysResponseContentItem>, ManagementError> {
        let args = with_body(self.driver, id(id_), body)?;
        json(self.driver, "connections.keys.create", args).await
    }

    /// `POST /connections/{id}/keys/rotate`.
    pub async fn rotate(
        &self,
        id_: &str,
        body: &RotateConnectionKeysRequestContent,
    ) -> Result<RotateConnectionsKeysResponseContent, ManagementError> {
        let args = with_body(self.driver, id(id_), body)?;
        json(self.driver, "connections.keys.rotate", args).await
    }
}

/// `client.connections.users`.
#[derive(Debug, Clone, Copy)]
pub struct UsersApi<'a> {
    driver: &'a Driver,
}

impl UsersApi<'_> {
    /// `DELETE /connections/{id}/users?email=…`.
    pub async fn delete_by_email(&self, id_: &str, email: &str) -> Result<(), ManagementError> {
        let mut params = Params::new();
        params.set("email", ParamValue::Text(email.to_owned()));
        let args = OpArgs { params, ..id(id_) };
        empty(self.driver, "connections.users.deleteByEmail", args).await
    }
}

/// `client.connections.scimConfiguration`.
#[derive(Debug, Clone, Copy)]
pub struct ScimConfigurationApi<'a> {
    driver: &'a Driver,
}

impl<'a> ScimConfigurationApi<'a> {
    /// `GET /connections-scim-configurations`: one checkpoint page.
    pub async fn list(
        &self,
        params: CheckpointParams,
    ) -> Result<Page<ScimConfiguration, CheckpointParams>, ManagementError> {
        Lister::new(self.driver, "connections.scimConfiguration.list", None)
            .fetch(params)
            .await
    }

    /// `GET /connections/{id}/scim-configuration`.
    pub async fn get(
        &self,
        id_: &str,
    ) -> Result<GetScimConfigurationResponseContent, ManagementError> {
        json(self.driver, "connections.scimConfiguration.get", id(id_)).await
    }

    /// `POST /connections/{id}/scim-configuration`.
    pub async fn create(
        &self,
        id_: &str,
        body: &CreateScimConfigurationRequestContent,
    ) -> Result<CreateScimConfigurationResponseContent, ManagementError> {
        let args = with_body(self.driver, id(id_), body)?;
        json(self.driver, "connections.scimConfiguration.create", args).await
    }

    /// `PATCH /connections/{id}/scim-configuration`.
    pub async fn update(
        &self,
        id_: &str,
        body: &UpdateScimConfigurationRequestContent,
    ) -> Result<UpdateScimConfigurationResponseContent, ManagementError> {
        let args = with_body(self.driver, id(id_), body)?;
        json(self.driver, "connections.scimConfiguration.update", args).await
    }

    /// `DELETE /connections/{id}/scim-configuration`.
    pub async fn delete(&self, id_: &str) -> Result<(), ManagementError> {
        empty(self.driver, "connections.scimConfiguration.delete", id(id_)).await
    }

    /// `GET /connections/{id}/scim-configuration/default-mapping`.
    pub async fn get_default_mapping(
        &self,
        id_: &str,
    ) -> Result<GetScimConfigurationDefaultMappingResponseContent, ManagementError> {
        let op = "connections.scimConfiguration.getDefaultMapping";
        json(self.driver, op, id(id_)).await
    }

    /// `client.connections.scimConfiguration.tokens`.
    pub fn tokens(&self) -> ScimTokensApi<'a> {
        ScimTokensApi {
            driver: self.driver,
        }
    }
}

/// `client.connections.scimConfiguration.tokens`.
#[derive(Debug, Clone, Copy)]
pub struct ScimTokensApi<'a> {
    driver: &'a Driver,
}

impl ScimTokensApi<'_> {
    /// `GET /connections/{id}/scim-configuration/tokens`.
    pub async fn get(&self, id_: &str) -> Result<Vec<ScimTokenItem>, ManagementError> {
        json(
            self.driver,
            "connections.scimConfiguration.tokens.get",
            id(id_),
        )
        .await
    }

    /// `POST /connections/{id}/scim-configuration/tokens`.
    pub async fn create(
        &self,
        id_: &str,
        body: &CreateScimTokenRequestContent,
    ) -> Result<CreateScimTokenResponseContent, ManagementError> {
        let args = with_body(self.driver, id(id_), body)?;
        json(
            self.driver,
            "connections.scimConfiguration.tokens.create",
            args,
        )
        .await
    }

    /// `DELETE /connections/{id}/scim-configuration/tokens/{tokenId}`.
    pub async fn delete(&self, id_: &str, token_id: &str) -> Result<(), ManagementError> {
        let args = OpArgs {
            sub_id: Some(token_id.to_owned()),
            ..id(id_)
        };
        empty(
            self.driver,
            "connections.scimConfiguration.tokens.delete",
            args,
        )
        .await
    }
}

/// `client.connections.directoryProvisioning`.
#[derive(Debug, Clone, Copy)]
pub struct DirectoryProvisioningApi<'a> {
    driver: &'a Driver,
}

impl<'a> DirectoryProvisioningApi<'a> {
    /// `GET /connections-directory-provisionings`: one checkpoint page.
    pub async fn list(
        &self,
        params: CheckpointParams,
    ) -> Result<Page<DirectoryProvisioning, CheckpointParams>, ManagementError> {
        Lister::new(self.driver, "connections.directoryProvisioning.list", None)
            .fetch(params)
            .await
    }

    /// `GET /connections/{id}/directory-provisioning`.
    pub async fn get(
        &self,
        id_: &str,
    ) -> Result<GetDirectoryProvisioningResponseContent, ManagementError> {
        json(
            self.driver,
            "connections.directoryProvisioning.get",
            id(id_),
        )
        .await
    }

    /// `POST /connections/{id}/directory-provisioning`.
    pub async fn create(
        &self,
        id_: &str,
        body: &CreateDirectoryProvisioningRequestContent,
    ) -> Result<CreateDirectoryProvisioningResponseContent, ManagementError> {
        let args = with_body(self.driver, id(id_), body)?;
        json(
            self.driver,
            "connections.directoryProvisioning.create",
            args,
        )
        .await
    }

    /// `PATCH /connections/{id}/directory-provisioning`.
    pub async fn update(
        &self,
        id_: &str,
        body: &UpdateDirectoryProvisioningRequestContent,
    ) -> Result<UpdateDirectoryProvisioningResponseContent, ManagementError> {
        let args = with_body(self.driver, id(id_), body)?;
        json(
            self.driver,
            "connections.directoryProvisioning.update",
            args,
        )
        .await
    }

    /// `DELETE /connections/{id}/directory-provisioning`.
    pub async fn delete(&self, id_: &str) -> Result<(), ManagementError> {
        empty(
            self.driver,
            "connections.directoryProvisioning.delete",
            id(id_),
        )
        .await
    }

    /// `GET /connections/{id}/directory-provisioning/default-mapping`.
    pub async fn get_default_mapping(
        &self,
        id_: &str,
    ) -> Result<GetDirectoryProvisioningDefaultMappingResponseContent, ManagementError> {
        let op = "connections.directoryProvisioning.getDefaultMapping";
        json(self.driver, op, id(id_)).await
    }

    /// `GET /connections/{id}/directory-provisioning/synchronized-groups`: one checkpoint page.
    pub async fn list_synchronized_groups(
        &self,
        id_: &str,
        params: ListSynchronizedGroupsParams,
    ) -> Result<Page<SynchronizedGroupPayload, ListSynchronizedGroupsParams>, ManagementError> {
        let op = "connections.directoryProvisioning.listSynchronizedGroups";
        Lister::new(self.driver, op, Some(id_)).fetch(params).await
    }

    /// `POST /connections/{id}/directory-provisioning/synchronized-groups`.
    pub async fn add_synchronized_group_selections(
        &self,
        id_: &str,
        body: &AddSynchronizedGroupsRequestContent,
    ) -> Result<(), ManagementError> {
        let op = "connections.directoryProvisioning.addSynchronizedGroupSelections";
        empty(self.driver, op, with_body(self.driver, id(id_), body)?).await
    }

    /// `DELETE /connections/{id}/directory-provisioning/synchronized-groups`.
    pub async fn delete_synchronized_group_selections(
        &self,
        id_: &str,
        body: &DeleteSynchronizedGroupsRequestContent,
    ) -> Result<(), ManagementError> {
        let op = "connections.directoryProvisioning.deleteSynchronizedGroupSelections";
        empty(self.driver, op, with_body(self.driver, id(id_), body)?).await
    }

    /// `PUT /connections/{id}/directory-provisioning/synchronized-groups`: replaces the
    /// selection.
    pub async fn set(
        &self,
        id_: &str,
        body: &ReplaceSynchronizedGroupsRequestContent,
    ) -> Result<(), ManagementError> {
        let op = "connections.directoryProvisioning.set";
        empty(self.driver, op, with_body(self.driver, id(id_), body)?).await
    }

    /// `client.connections.directoryProvisioning.synchronizations`.
    pub fn synchronizations(&self) -> SynchronizationsApi<'a> {
        SynchronizationsApi {
            driver: self.driver,
        }
    }
}

/// `client.connections.directoryProvisioning.synchronizations`.
#[derive(Debug, Clone, Copy)]
pub struct SynchronizationsApi<'a> {
    driver: &'a Driver,
}

impl SynchronizationsApi<'_> {
    /// `POST /connections/{id}/directory-provisioning/synchronizations`: starts one.
    pub async fn create(
        &self,
        id_: &str,
    ) -> Result<CreateDirectorySynchronizationResponseContent, ManagementError> {
        let op = "connections.directoryProvisioning.synchronizations.create";
        json(self.driver, op, id(id_)).await
    }
}
