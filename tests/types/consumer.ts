// A strict TypeScript consumer of the generated declarations. `make test` compiles it with
// `tsc --strict --noEmit`; a wrong or missing type fails the build.
import {
  connectionUpdateSchemaFor,
  validateConnectionName,
  validateConnectionUpdate,
  validateConnectionUpdateJson,
  validateProvisioningConnectionRequest,
  validateScimTokenCreate,
  version,
  type Issue,
  type IssueCode,
  type PathSegment,
  type ValidationResult,
} from 'idp-connections';

const issues: Issue[] = validateConnectionName('my-connection');
const codes: IssueCode[] = issues.map((issue) => issue.code);
const paths: PathSegment[][] = issues.map((issue) => issue.path);
const fromUnknown: Issue[] = validateConnectionName(42 as unknown);
const v: string = version();

// @ts-expect-error: a code outside the documented set is a type error.
const wrong: IssueCode = 'not_a_code';

// A validator result narrows on `ok`: the value is typed after success, the issues after failure.
const token: ValidationResult<{ scopes?: string[]; token_lifetime?: number | null }> = validateScimTokenCreate(
  JSON.parse('{"scopes":["get:users"],"token_lifetime":3600}') as unknown,
);
const lifetime: number | null | undefined = token.ok ? token.value.token_lifetime : undefined;
const tokenCodes: IssueCode[] = token.ok ? [] : token.issues.map((issue) => issue.code);
// @ts-expect-error: the value exists only once `ok` is narrowed to true.
const unnarrowed = token.value;

const okta = validateProvisioningConnectionRequest({ profile: { authScheme: 'TOKEN', token: 't' } });
const scheme: string | undefined = okta.ok ? okta.value.profile.authScheme : undefined;

// An update checked for the connection's strategy: the options are optional in every form.
const update = validateConnectionUpdate({ options: { signInEndpoint: 'https://idp.example/sso' } }, { strategy: 'samlp' });
const updateAlone = validateConnectionUpdate({ display_name: 'x' });
const updateText = validateConnectionUpdateJson('{"display_name":"x"}');
const updateTextFor = validateConnectionUpdateJson('{"display_name":"x"}', { strategy: 'samlp' });
const updateSchema = connectionUpdateSchemaFor('samlp')['~standard'].validate({ display_name: 'x' });
// @ts-expect-error: the strategy is a string.
const badStrategy = validateConnectionUpdate({ display_name: 'x' }, { strategy: 42 });

export { codes, paths, fromUnknown, v, wrong, lifetime, tokenCodes, unnarrowed, scheme, update, updateAlone, updateText, updateTextFor, updateSchema, badStrategy };
