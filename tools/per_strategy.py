#!/usr/bin/env python3
"""The per-strategy create schemas (`CreateConnectionRequestContent<Strategy>`) read with merge
semantics, and relaxed where they are stricter than real tenants.

Read literally, every per-strategy schema refuses every body (`CreateConnectionCommon`'s
`additionalProperties: false` sits in one `allOf` branch and does not see the other's
properties). Here each `allOf` is merged into one schema (properties and `required` joined, types
intersected, the tighter bound kept, `additionalProperties: false` applying to the joined
properties), so an object schema is one object. The relaxations are in
spec/auth0/relaxations.json: its `patches` are applied to the spec with the overlay
(tools/spec_overlay.py, tenant/spec.mjs), its `rules` here, by `merged_per_strategy()`.

  python3 tools/per_strategy.py --dump             the merged, relaxed schemas as JSON Schema
  python3 tools/per_strategy.py --dump --official  merged, without the relaxations
Standard library only.
"""
import copy
import json
import sys

from spec_loader import REF, load_auth0, load_relaxation_rules, types_of
# An object whose declared members each also take null (rule `nullable-options`).
NULL_MEMBERS = "x-null-members"
# Annotations: dropped from merged schemas (`format` is kept: the tables check `email`).
DROPPED = {"description", "x-enumDescriptions", "x-release-lifecycle", "x-merge-priority", "default",
           "example", "examples", "title", "deprecated", "readOnly", "writeOnly", "x-deprecated"}
LOWER = {"minLength", "minItems", "minProperties", "minimum"}
UPPER = {"maxLength", "maxItems", "maxProperties", "maximum"}


class Merger:
    """Merges the spec's schemas on demand: `ref(name)` is a `$ref` to the merged `name`."""

    def __init__(self, schemas, literal=False):
        self.schemas = schemas
        self.literal = literal
        self.merged = {}

    def ref(self, name):
        if name not in self.merged:
            self.merged[name] = None  # a cycle refers to it before it is done
            self.merged[name] = self.norm(self.schemas[name])
        return {"$ref": REF + name}

    def content(self, schema):
        """The merged content of a schema, a `$ref` followed."""
        if set(schema) - DROPPED == {"$ref"}:
            name = schema["$ref"][len(REF):]
            self.ref(name)
            if self.merged[name] is None:
                raise SystemExit(f"recursive allOf through {name}")
            return copy.deepcopy(self.merged[name])
        return self.norm(schema)

    def norm(self, schema):
        """`schema` with its allOf (and single-branch anyOf/oneOf) merged in; `$ref`s kept."""
        if set(schema) - DROPPED == {"$ref"}:
            return self.ref(schema["$ref"][len(REF):])
        own = {k: v for k, v in schema.items() if k not in DROPPED}
        parts = []
        if "$ref" in own:
            parts.append(self.content({"$ref": own.pop("$ref")}))
        for part in own.pop("allOf", []):
            parts.append(self.content(part))
        for key in ("anyOf", "oneOf"):
            branches = own.pop(key, None)
            if branches is None:
                continue
            if len(branches) == 1:
                parts.append(self.content(branches[0]))
                continue
            alternatives = [self.content(b) for b in branches]
            types = [tuple(types_of(a) or ("any",)) for a in alternatives]
            flat = [t for ts in types for t in ts]
            if key == "anyOf" and ("any" in flat or len(flat) != len(set(flat))):
                # Not a oneOf: the tables cannot hold it (ajv, reading the official merge, can).
                if not self.literal:
                    raise SystemExit(f"anyOf with overlapping branches (relax it in relaxations.json): {json.dumps(schema)[:200]}")
                own["anyOf"] = [self.norm(b) for b in branches]
                continue
            own["oneOf"] = [self.norm(b) for b in branches]
        if "const" in own:
            own["enum"] = [own.pop("const")]
        if not self.literal and any(not isinstance(v, (str, type(None))) for v in own.get("enum", [])):
            own = literal_enum(own)
        if "properties" in own:
            own["properties"] = {k: self.norm(v) for k, v in own["properties"].items()}
        if isinstance(own.get("items"), dict):
            own["items"] = self.norm(own["items"])
        if isinstance(own.get("additionalProperties"), dict):
            own["additionalProperties"] = self.norm(own["additionalProperties"])
        explicit_extra = own.get("additionalProperties")
        for part in parts:
            own = combine(self, own, part)
        if explicit_extra is True and any(p.get("additionalProperties") is False for p in parts):
            # A branch's `false` applies to the merged properties; the schema's own `true` is
            # the documented intent for its options (extra keys are reported, see `rules`).
            own["additionalProperties"] = True
        return own


def literal_enum(schema):
    """Rule `literal-enums`: the tables hold string enums; an integer enum of consecutive values
    becomes its range (the same values), a boolean one (`profile: true`) its type."""
    values = [v for v in schema["enum"] if v is not None]
    out = {k: v for k, v in schema.items() if k != "enum"}
    if all(isinstance(v, bool) for v in values):
        return out
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values) and \
            sorted(values) == list(range(min(values), max(values) + 1)):
        out["minimum"], out["maximum"] = min(values), max(values)
        return out
    raise SystemExit(f"enum the tables cannot hold: {schema}")


def combine(merger, a, b):
    """Both `a` and `b` must hold: one schema."""
    out = dict(a)
    for key, value in b.items():
        if key not in out:
            out[key] = copy.deepcopy(value)
        elif key == "type":
            both = [t for t in types_of(out) if t in types_of(b) or (t == "integer" and "number" in types_of(b))]
            both += [t for t in types_of(b) if t == "integer" and "number" in types_of(out) and t not in both]
            out["type"] = both
        elif key == "properties":
            props = dict(out["properties"])
            for name, sub in value.items():
                if name in props and props[name] != sub:
                    props[name] = combine(merger, merger.content(props[name]), merger.content(sub))
                else:
                    props.setdefault(name, sub)
            out["properties"] = props
        elif key == "required":
            out["required"] = out["required"] + [r for r in value if r not in out["required"]]
        elif key in LOWER:
            out[key] = max(out[key], value)
        elif key in UPPER:
            out[key] = min(out[key], value)
        elif key == "enum":
            out["enum"] = [v for v in out["enum"] if v in value]
        elif key == "additionalProperties":
            if value is False or out[key] is False:
                out[key] = False
        elif key == "items":
            if out["items"] != value:
                out["items"] = combine(merger, merger.content(out["items"]), merger.content(value))
        elif out[key] != value:
            raise SystemExit(f"cannot merge {key}: {out[key]!r} and {value!r}")
    return out


def add_null(schema):
    """`schema`, also accepting null (Auth0 reads a null option as unset)."""
    out = dict(schema)
    if "oneOf" in out:
        if not any(types_of(b) == ["null"] for b in out["oneOf"]):
            out["oneOf"] = out["oneOf"] + [{"type": "null"}]
        return out
    if "type" in out and "null" not in types_of(out):
        out["type"] = types_of(out) + ["null"]
    if "enum" in out and None not in out["enum"]:
        out["enum"] = out["enum"] + [None]
    return out


def per_strategy_roots(spec):
    """(strategy, create schema name) for every per-strategy create schema."""
    roots = []
    for name in spec.document["per_strategy_schema_roots_unreferenced_by_paths"]:
        if not name.startswith("CreateConnectionRequestContent"):
            continue
        branch = next(p for p in spec.schemas[name]["allOf"] if "properties" in p)
        roots.append((branch["properties"]["strategy"]["const"], name))
    return roots


def merged_per_strategy(official=False):
    """{"strategies": {strategy: {"create": root, "update": root, "options": name}}, "schemas": {...}}:
    the merged per-strategy schemas; the relaxations applied unless `official`."""
    spec = load_auth0(relaxed=not official)
    schemas = spec.schemas
    rules = set() if official else load_relaxation_rules()
    merger = Merger(schemas, literal=official)
    out = {}
    for strategy, name in per_strategy_roots(spec):
        body = merger.content({"$ref": REF + name})
        options_ref = body["properties"]["options"]["$ref"][len(REF):]
        options_name = options_ref
        if rules:
            options = copy.deepcopy(merger.merged[options_ref])
            if "nullable-options" in rules:
                # Every declared option also takes null: a flag of the options object in the
                # tables (one node each, not a nullable twin of every option's schema);
                # `expand_null_members` spells it out for JSON Schema readers (ajv).
                options[NULL_MEMBERS] = True
            if "unknown-option-keys" in rules:
                options["additionalProperties"] = False
            options_name = options_ref + ".relaxed"
            merger.merged[options_name] = options
        roots = {}
        for kind, generic in (("create", "CreateConnectionRequestContent"), ("update", "UpdateConnectionRequestContent")):
            if "top-level-from-generic" in rules or kind == "update":
                root = merger.content({"$ref": REF + generic})
                extra = {k: v for k, v in body["properties"].items() if k not in root["properties"]} if kind == "create" else {}
                root["properties"] = {**root["properties"], **extra}
            else:
                root = copy.deepcopy(body)
            root["properties"]["options"] = {"$ref": REF + options_name}
            if kind == "create":
                root["properties"]["strategy"] = {"type": "string", "enum": [strategy]}
            root_name = f"{generic}.{strategy}"
            merger.merged[root_name] = root
            roots[kind] = root_name
        out[strategy] = {**roots, "options": options_name}
    return {"strategies": out, "schemas": merger.merged}


def expand_null_members(merged):
    """`merged` as plain JSON Schema: each `x-null-members` object's declared properties made
    nullable (a `$ref` gets a `.nullable` twin), the marker dropped."""
    schemas = dict(merged["schemas"])

    def nullable(sub):
        if set(sub) != {"$ref"}:
            return add_null(sub)
        name = sub["$ref"][len(REF):]
        while set(schemas[name]) == {"$ref"}:
            name = schemas[name]["$ref"][len(REF):]
        twin = name + ".nullable"
        schemas.setdefault(twin, add_null(schemas[name]))
        return {"$ref": REF + twin}

    for name, schema in list(schemas.items()):
        if schema.get(NULL_MEMBERS):
            schema = {k: v for k, v in schema.items() if k != NULL_MEMBERS}
            schema["properties"] = {k: nullable(v) for k, v in schema["properties"].items()}
            schemas[name] = schema
    return {**merged, "schemas": schemas}


def main():
    if "--dump" in sys.argv:
        json.dump(expand_null_members(merged_per_strategy(official="--official" in sys.argv)), sys.stdout)


if __name__ == "__main__":
    main()
