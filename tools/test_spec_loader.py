"""Tests of tools/spec_loader.py (`make test-rust` runs them: `python3 -m unittest discover -s tools`)."""
import unittest

from spec_loader import REF, Spec, load_auth0, load_okta


def spec_of(schemas, paths=None):
    """A spec holding `schemas` (and `paths`)."""
    return Spec({"paths": paths or {}}, schemas, "test")


class MergedTest(unittest.TestCase):
    def test_a_scalar_allof_keeps_its_base_type(self):
        spec = spec_of({
            "Id": {"type": "string", "description": "base", "minLength": 1},
            "IdOIDC": {"allOf": [{"$ref": REF + "Id"}, {"maxLength": 255}], "description": "own"},
        })
        self.assertEqual(spec.merged(spec.schemas["IdOIDC"]),
                         {"type": "string", "description": "own", "minLength": 1, "maxLength": 255})

    def test_a_described_ref_stays_its_target(self):
        spec = spec_of({"Name": {"type": "string", "pattern": "^a$"}})
        merged = spec.merged({"allOf": [{"$ref": REF + "Name"}, {"description": "the name"}]})
        self.assertEqual(merged, {"type": "string", "pattern": "^a$", "description": "the name"})

    def test_object_parts_are_joined(self):
        spec = spec_of({
            "Common": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"],
                       "additionalProperties": False, "description": "common"},
        })
        merged = spec.merged({"allOf": [{"$ref": REF + "Common"},
                                        {"properties": {"b": {"type": "integer"}}, "required": ["a", "b"]}]})
        self.assertEqual(merged, {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
                                  "required": ["a", "b"], "additionalProperties": False, "description": "common"})

    def test_resolve_follows_chains(self):
        spec = spec_of({"A": {"$ref": REF + "B"}, "B": {"type": "boolean"}})
        self.assertEqual(spec.resolve({"$ref": REF + "A"}), {"type": "boolean"})
        with self.assertRaises(SystemExit):
            spec.resolve({"$ref": "#/definitions/A"})


class SpecsTest(unittest.TestCase):
    def test_auth0_carries_the_overlay_and_relaxations(self):
        relaxed, strict = load_auth0(), load_auth0(relaxed=False)
        self.assertIn("AddSynchronizedGroupsRequestContent", relaxed.schemas)  # an overlay entry
        self.assertIn("pattern", strict.schemas["ConnectionClientIdLine"])  # a relaxation removes it
        self.assertNotIn("pattern", relaxed.schemas["ConnectionClientIdLine"])
        oidc = relaxed.merged(relaxed.schemas["ConnectionClientIdOIDC"])
        self.assertEqual((oidc["type"], oidc["maxLength"]), ("string", 255))

    def test_operations_take_path_level_parameters(self):
        okta = load_okta()
        verify = [params for method, path, _, params in okta.operations() if path.endswith("/oauth2/callback")]
        self.assertEqual(len(verify), 1)
        self.assertEqual(sorted(p["name"] for p in verify[0] if p["in"] == "path"), ["appId", "appName"])
        auth0 = load_auth0()
        routes = {(method, path) for method, path, _, _ in auth0.operations()}
        self.assertIn(("delete", "/connections/{id}/directory-provisioning/synchronized-groups"), routes)


if __name__ == "__main__":
    unittest.main()
