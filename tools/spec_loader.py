"""The specs as every generator reads them: tools/gen_schemas.py, tools/gen_models.py,
tools/gen_operations.py and tools/per_strategy.py load them here, and nowhere else.

- `load_auth0(relaxed=True)`: the official copy (spec/auth0/connections-oas.json) with the reviewed
  overlay (spec/auth0/overlay.json, RFC 6902 JSON Patch operations) and, unless not `relaxed`, the
  relaxations' patches (spec/auth0/relaxations.json) applied on top. tenant/spec.mjs applies the
  same files for the local tenant and the suites (tests/node/overlay.test.mjs compares the two);
  tools/spec_overlay.py checks the overlay against the official copy.
- `load_okta()`: spec/okta/app-connections-oas.json as it is.

Both return a `Spec`: its schemas by name, `$ref`s resolved (`resolve`), `allOf` compositions
merged (`merged`: an object's parts joined, a scalar's keywords merged with its base type kept),
and its operations (`operations`). Standard library only.
"""
import copy
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec/auth0/connections-oas.json"
OVERLAY = ROOT / "spec/auth0/overlay.json"
# Where the official schemas are stricter than real tenants: patches applied after the overlay,
# and rules applied by tools/per_strategy.py when it merges the per-strategy schemas.
RELAXATIONS = ROOT / "spec/auth0/relaxations.json"
OKTA_SPEC = ROOT / "spec/okta/app-connections-oas.json"
# Where both specs' `$ref`s point (the Auth0 copy keeps its schemas at the top level, under the
# official document's reference names).
REF = "#/components/schemas/"
AUTH0_SOURCE = "spec/auth0/connections-oas.json + overlay.json"
OKTA_SOURCE = "spec/okta/app-connections-oas.json"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class OverlayError(Exception):
    """An overlay entry that does not apply to the spec."""


def pointer(path):
    """The reference tokens of a JSON pointer (`/a/b~1c` -> ['a', 'b/c'])."""
    if not path.startswith("/"):
        raise OverlayError(f"not a JSON pointer: {path}")
    return [token.replace("~1", "/").replace("~0", "~") for token in path[1:].split("/")]


def parent_of(document, path):
    """The container holding the target of `path`, and the target's key or index."""
    *parents, last = pointer(path)
    node = document
    for token in parents:
        if isinstance(node, list):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise OverlayError(f"{path}: no {token!r} on the way")
    return node, last


def apply_entry(document, entry):
    """Applies one patch operation in place."""
    op, path = entry["op"], entry["path"]
    node, last = parent_of(document, path)
    if isinstance(node, list):
        if op == "add":
            node.insert(len(node) if last == "-" else int(last), copy.deepcopy(entry["value"]))
        elif op == "remove":
            node.pop(int(last))
        elif op == "replace":
            node[int(last)] = copy.deepcopy(entry["value"])
        else:
            raise OverlayError(f"{path}: unsupported op {op}")
        return
    if op == "add":
        node[last] = copy.deepcopy(entry["value"])
    elif op in ("remove", "replace"):
        if last not in node:
            raise OverlayError(f"{path}: nothing to {op}")
        if op == "remove":
            del node[last]
        else:
            node[last] = copy.deepcopy(entry["value"])
    else:
        raise OverlayError(f"{path}: unsupported op {op}")


def load_overlay(relaxed=True):
    """The overlay file's entries, then (unless not `relaxed`) the relaxations' patches."""
    entries = json.loads(OVERLAY.read_text())["patches"]
    if relaxed:
        entries = entries + json.loads(RELAXATIONS.read_text())["patches"]
    return entries


def load_relaxation_rules():
    """The names of the relaxation rules in force (spec/auth0/relaxations.json `rules`)."""
    return {rule["rule"] for rule in json.loads(RELAXATIONS.read_text())["rules"]}


def official_path():
    """The official copy: spec/auth0/connections-oas.json, or `--official PATH`."""
    if "--official" in sys.argv:
        index = sys.argv.index("--official") + 1
        if index < len(sys.argv):
            return Path(sys.argv[index])
    return SPEC


def load_auth0_spec(relaxed=True):
    """The official Auth0 spec copy with the overlay (and, unless not `relaxed`, the relaxations)
    applied, as a plain document."""
    spec = json.loads(official_path().read_text())
    for entry in load_overlay(relaxed):
        try:
            apply_entry(spec, entry)
        except (IndexError, ValueError, KeyError) as error:
            raise OverlayError(f"{entry['path']}: {error}") from error
    return spec


def types_of(schema):
    """A schema's `type` as a list (empty when it has none)."""
    types = schema.get("type")
    return [] if types is None else [types] if isinstance(types, str) else list(types)


class Spec:
    """One provider's spec: its document, its schemas by name and what the generators ask of them."""

    def __init__(self, document, schemas, source):
        self.document = document
        self.schemas = schemas
        self.paths = document["paths"]
        self.source = source  # how generated files' headers name it

    def ref_name(self, ref):
        """The schema name a `$ref` points to."""
        if not ref.startswith(REF):
            raise SystemExit(f"unsupported $ref {ref}")
        return ref[len(REF):]

    def resolve(self, schema):
        """`schema` with its `$ref`s followed to the named schema."""
        while "$ref" in schema:
            schema = self.schemas[self.ref_name(schema["$ref"])]
        return schema

    def merged(self, schema):
        """A schema with its allOf parts merged in: an object's properties and required names (and
        `additionalProperties: false` when a part or the schema forbids others), or a scalar's
        keywords with its base type kept (`ConnectionClientIdOIDC` is its base string with a
        maxLength, not an object)."""
        if "allOf" not in schema:
            return schema
        parts = [self.merged(self.resolve(part)) for part in schema["allOf"]]
        if "properties" not in schema and not any(self.is_object(part) for part in parts):
            out = {}
            for part in parts:
                for key, value in part.items():
                    if key != "description" or "description" not in out:
                        out[key] = value
            out.update({key: value for key, value in schema.items() if key != "allOf"})
            return out
        out = {"type": "object", "properties": {}, "required": []}
        for part in parts + [schema]:
            out["properties"].update(part.get("properties", {}))
            out["required"] += [name for name in part.get("required", []) if name not in out["required"]]
            if part.get("additionalProperties") is False:
                out["additionalProperties"] = False
        for part in [schema] + parts:
            if "description" in part:
                out["description"] = part["description"]
                break
        if not out["required"]:
            del out["required"]
        return out

    def is_object(self, schema):
        """Whether a schema (merged) describes an object with named members."""
        schema = self.merged(schema)
        types = types_of(schema)
        return "properties" in schema or bool(
            types and set(types) <= {"object", "null"} and "additionalProperties" not in schema
            and "oneOf" not in schema)

    def parameter(self, parameter):
        """A parameter object, a `$ref` to `#/components/parameters/…` followed."""
        while "$ref" in parameter:
            node, last = parent_of(self.document, parameter["$ref"][1:])
            parameter = node[last]
        return parameter

    def operations(self):
        """(method, path, operation, parameters) for every operation in the spec's order; the
        parameters are the path's and the operation's, `$ref`s followed."""
        for path, item in self.paths.items():
            shared = [self.parameter(p) for p in item.get("parameters", [])]
            for method, operation in item.items():
                if method in METHODS:
                    own = [self.parameter(p) for p in operation.get("parameters", [])]
                    names = {(p["name"], p["in"]) for p in own}
                    params = [p for p in shared if (p["name"], p["in"]) not in names] + own
                    yield method, path, operation, params

    def body_schema(self, operation):
        """The JSON request body schema of an operation, or None."""
        content = operation.get("requestBody", {}).get("content", {})
        return content.get("application/json", {}).get("schema")

    def response_schema(self, operation):
        """The JSON schema of an operation's first 2xx answer, or None."""
        for status, answer in operation.get("responses", {}).items():
            if re.fullmatch(r"2\d\d", str(status)):
                schema = answer.get("content", {}).get("application/json", {}).get("schema")
                if schema is not None:
                    return schema
        return None


def load_auth0(relaxed=True):
    """The Auth0 spec: the official copy, the overlay and (unless not `relaxed`) the relaxations."""
    document = load_auth0_spec(relaxed)
    return Spec(document, document["schemas"], AUTH0_SOURCE)


def load_okta():
    """Okta's application connections spec."""
    document = json.loads(OKTA_SPEC.read_text())
    return Spec(document, document["components"]["schemas"], OKTA_SOURCE)
