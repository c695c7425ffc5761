// A strict TypeScript consumer of the generated declarations. `make test` compiles it with
// `tsc --strict --noEmit`; a wrong or missing type fails the build.
import { validateConnectionName, version, type Issue, type IssueCode, type PathSegment } from 'idp-connections';

const issues: Issue[] = validateConnectionName('my-connection');
const codes: IssueCode[] = issues.map((issue) => issue.code);
const paths: PathSegment[][] = issues.map((issue) => issue.path);
const fromUnknown: Issue[] = validateConnectionName(42 as unknown);
const v: string = version();

// @ts-expect-error: a code outside the documented set is a type error.
const wrong: IssueCode = 'not_a_code';

export { codes, paths, fromUnknown, v, wrong };
