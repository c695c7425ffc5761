// Standard Schema v1 objects over the package's validators.
import type {
  CreateConnectionRequestContent,
  UpdateConnectionRequestContent,
  UpdateEnabledClientConnectionsRequestContent,
  CreateScimConfigurationRequestContent,
  UpdateScimConfigurationRequestContent,
  CreateScimTokenRequestContent,
  CreateDirectoryProvisioningRequestContent,
  UpdateDirectoryProvisioningRequestContent,
  ReplaceSynchronizedGroupsRequestContent,
  AddSynchronizedGroupsRequestContent,
  DeleteSynchronizedGroupsRequestContent,
  PostConnectionKeysRequestContent,
  RotateConnectionKeysRequestContent,
  ProvisioningConnectionRequest,
  IssueCode,
} from '../idp_connections.js';

/** One Standard Schema issue; `code` is the package's stable issue code. */
export interface StandardIssue {
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
  readonly code: IssueCode;
}

/**
 * A Standard Schema v1 object (https://standardschema.dev) validating `T`. `validate` takes any
 * value; `types.input` is `T` too, so form libraries infer their field values from it
 * (react-hook-form's `standardSchemaResolver` needs an object type there, TanStack Form checks
 * it against the form's values).
 */
export interface StandardSchema<T> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'idp-connections';
    readonly validate: (value: unknown) => { readonly value: T; readonly issues?: undefined } | { readonly issues: ReadonlyArray<StandardIssue> };
    readonly types?: { readonly input: T; readonly output: T };
  };
}

export declare const connectionCreateSchema: StandardSchema<CreateConnectionRequestContent>;
export declare const connectionUpdateSchema: StandardSchema<UpdateConnectionRequestContent>;
/** The update body of a connection of `strategy`: its options checked against that strategy's options schema. */
export declare function connectionUpdateSchemaFor(strategy: string): StandardSchema<UpdateConnectionRequestContent>;
export declare const enabledClientsUpdateSchema: StandardSchema<UpdateEnabledClientConnectionsRequestContent>;
export declare const scimConfigurationCreateSchema: StandardSchema<CreateScimConfigurationRequestContent>;
export declare const scimConfigurationUpdateSchema: StandardSchema<UpdateScimConfigurationRequestContent>;
export declare const scimTokenCreateSchema: StandardSchema<CreateScimTokenRequestContent>;
export declare const directoryProvisioningCreateSchema: StandardSchema<CreateDirectoryProvisioningRequestContent>;
export declare const directoryProvisioningUpdateSchema: StandardSchema<UpdateDirectoryProvisioningRequestContent>;
export declare const synchronizedGroupsReplaceSchema: StandardSchema<ReplaceSynchronizedGroupsRequestContent>;
export declare const synchronizedGroupsAddSchema: StandardSchema<AddSynchronizedGroupsRequestContent>;
export declare const synchronizedGroupsDeleteSchema: StandardSchema<DeleteSynchronizedGroupsRequestContent>;
export declare const connectionKeysCreateSchema: StandardSchema<PostConnectionKeysRequestContent>;
export declare const connectionKeysRotateSchema: StandardSchema<RotateConnectionKeysRequestContent>;
export declare const provisioningConnectionRequestSchema: StandardSchema<ProvisioningConnectionRequest>;
