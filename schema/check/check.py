"""Checks the committed JSON Schemas (dataset v1, v2, catalogue v1) with Python `jsonschema` (draft 2020-12).

1. The schema passes the metaschema check, formats included (every `pattern`
   must be a regex Python reads).
2. Every test document the reader accepts (tests/fixtures, the dataset
   documents of examples/data, and the documents of tests/bad whose row in
   tests/bad/expected.tsv is not a reader error) is schema-valid.
3. Every document of tests/bad that the reader rejects and this validator
   accepts is listed in schema/check/beyond-schema.tsv for `python`, with the
   reader's code; no row is stale.

Run from the repository root: python3 schema/check/check.py
"""

import json
import pathlib
import sys

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAME = "python"


def strict_json(data):
    """Parses JSON as RFC 8259 has it: no NaN or Infinity; None if it is not JSON."""

    def no_constant(name):
        raise ValueError(f"not JSON: {name}")

    try:
        text = data.decode("utf-8")
        return json.loads(text, parse_constant=no_constant)
    except (UnicodeDecodeError, ValueError):
        return None


def documents():
    """(path, reader code or None when the reader accepts it)."""
    for path in sorted((ROOT / "tests/fixtures").glob("*.json")):
        yield path, None
    for path in sorted((ROOT / "tests/corpus").glob("*.json")):
        yield path, None
    for path in sorted((ROOT / "tests/fixtures/catalogue").glob("*.json")):
        yield path, None
    for path in sorted((ROOT / "examples/data").glob("*.json")):
        doc = strict_json(path.read_bytes())
        if isinstance(doc, dict) and doc.get("schema") == "danvan/dataset/v1":
            yield path, None
    # Dates not written YYYY-MM-DD (the reader's DV050): the schema refuses them too.
    for path in sorted((ROOT / "tests/wire").glob("lenient_date_*.json")):
        yield path, "DV050"
    for line in (ROOT / "tests/bad/expected.tsv").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, code, severity = line.split("\t")[:3]
        yield ROOT / "tests/bad" / file, code if severity == "reader" else None


def beyond_schema():
    """file -> (code, validators) from beyond-schema.tsv."""
    rows = {}
    for line in (ROOT / "schema/check/beyond-schema.tsv").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, code, validators, _reason = line.split("\t")
        rows[file] = (code, validators.split(","))
    return rows


def main():
    schema = json.loads((ROOT / "schema/danvan-dataset-v1.schema.json").read_text())
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema, format_checker=cls.FORMAT_CHECKER)
    validator_v1 = cls(schema, format_checker=cls.FORMAT_CHECKER)
    # A danvan/dataset/v2 document is validated against the v2 schema, every other against v1.
    schema_v2 = json.loads((ROOT / "schema/danvan-dataset-v2.schema.json").read_text())
    cls.check_schema(schema_v2, format_checker=cls.FORMAT_CHECKER)
    validator_v2 = cls(schema_v2, format_checker=cls.FORMAT_CHECKER)
    # A danvan/catalogue/v1 file is validated against the catalogue schema.
    schema_cat = json.loads((ROOT / "schema/danvan-catalogue-v1.schema.json").read_text())
    cls.check_schema(schema_cat, format_checker=cls.FORMAT_CHECKER)
    validator_cat = cls(schema_cat, format_checker=cls.FORMAT_CHECKER)
    listed = {f: code for f, (code, vs) in beyond_schema().items() if NAME in vs}
    problems, seen, valid_rejected = [], 0, {}
    for path, code in documents():
        doc = strict_json(path.read_bytes())
        if doc is None:
            if code is None:
                problems.append(f"{path.name}: the reader accepts it but it is not JSON here")
            continue
        seen += 1
        tag = doc.get("schema") if isinstance(doc, dict) else None
        validator = {"danvan/dataset/v2": validator_v2, "danvan/catalogue/v1": validator_cat}.get(tag, validator_v1)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if code is None and errors:
            where = "/".join(str(p) for p in errors[0].absolute_path)
            problems.append(f"{path.name}: the reader accepts it, the schema does not: {errors[0].message[:200]} at /{where}")
        if code is not None and not errors:
            valid_rejected[path.name] = code
    for file, code in valid_rejected.items():
        if file not in listed:
            problems.append(f"{file}: schema-valid but the reader rejects it ({code}); list it in beyond-schema.tsv with its reason")
        elif listed[file] != code:
            problems.append(f"{file}: listed with {listed[file]}, the reader says {code}")
    for file in listed:
        if file not in valid_rejected:
            problems.append(f"{file}: listed in beyond-schema.tsv for {NAME}, but the schema rejects it (stale row)")
    if seen < 60:
        problems.append(f"only {seen} documents checked")
    for p in problems:
        print(f"schema check ({NAME}): {p}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"schema check ({NAME} jsonschema {jsonschema_version()}): metaschema ok; {seen} documents; {len(valid_rejected)} schema-valid documents the reader rejects, all listed")


def jsonschema_version():
    from importlib.metadata import version

    return version("jsonschema")


if __name__ == "__main__":
    main()
