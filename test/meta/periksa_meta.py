#!/usr/bin/python3
"""Validate META.json against the PGXN Meta Spec v1 JSON Schemas (test/meta/schema/v1, from pgxn/meta).

    test/meta/periksa_meta.py [META.json]

Uses Debian's python3-jsonschema (Draft 2020-12, as the schemas declare) with format assertions on, as
the spec's own validator does: `uri` through python3-rfc3987, `email`, and the spec's custom `path`
(no `.` or `..` component, as pgxn/meta's is_path).  The schemas' patterns use Unicode property classes
(`\\p{Space}`, `\\p{Cntrl}`, `\\p{lower}`, `[[:digit:]]`) that Python's `re` lacks, so `pattern` is
evaluated with python3-regex.  Then checks that META.json agrees with dtks.control, and that the
validator itself works: the spec's valid examples pass, its invalid one and a list of broken copies of
META.json fail, each at the place broken.  Exit 0 when all holds, 1 otherwise.
"""
import copy
import json
import pathlib
import re
import sys

import jsonschema
import regex
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DISTRIBUTION = "https://pgxn.org/meta/v1/distribution.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


# `pattern` with a regex engine that knows the Unicode and POSIX classes the schemas use.
def pattern_unicode(validator, patrn, instance, schema):
    if validator.is_type(instance, "string") and not regex.search(patrn, instance):
        yield ValidationError(f"{instance!r} does not match {patrn!r}")


# The spec's `path` format: a relative path with no `.` or `..` component (a leading ./ allowed).
def is_path(value):
    if not isinstance(value, str):
        return True
    path = value[2:] if value.startswith("./") else value
    return not any(part in (".", "..") for part in path.split("/"))


# A validator of the distribution schema, every v1 schema in its store, no network.
def validator_v1():
    store = {}
    for berkas in sorted((HERE / "schema" / "v1").glob("*.schema.json")):
        schema = json.loads(berkas.read_text(encoding="utf-8"))
        # every schema is Draft 2020-12; without the key, each subschema is checked by this
        # validator class (with its pattern) instead of the plain one registered for the draft
        if schema.pop("$schema", None) != DRAFT:
            sys.exit(f"periksa_meta: {berkas.name} is not a Draft 2020-12 schema")
        store[schema["$id"]] = schema
    if DISTRIBUTION not in store:
        sys.exit(f"periksa_meta: {DISTRIBUTION} is not in test/meta/schema/v1")

    def tanpa_jaringan(uri):
        raise jsonschema.RefResolutionError(f"{uri} is not in test/meta/schema/v1 (no network lookups)")

    checker = FormatChecker()
    if "uri" not in checker.checkers:
        sys.exit("periksa_meta: the uri format is not checked: install python3-rfc3987")
    checker.checks("path")(is_path)
    Validator = validators.extend(Draft202012Validator, {"pattern": pattern_unicode})
    schema = store[DISTRIBUTION]
    for s in store.values():
        Validator.check_schema(s)
    resolver = jsonschema.RefResolver(DISTRIBUTION, schema, store=store,
                                      handlers={"http": tanpa_jaringan, "https": tanpa_jaringan})
    return Validator(schema, resolver=resolver, format_checker=checker)


# Every error, as (instance path, message), deepest first within each top-level error.  A property
# that fails its schema also counts as unevaluated (Draft 2020-12): that echo of an error already
# reported is left out.
def galat(validator, meta):
    hasil = []
    semua = list(validator.iter_errors(meta))
    for e in semua:
        if e.validator == "unevaluatedProperties" and not e.absolute_path and any(
                o.absolute_path and repr(o.absolute_path[0]) in e.message for o in semua if o is not e):
            continue
        for sub in [e] + sorted(e.context or [], key=lambda c: -len(c.absolute_path)):
            hasil.append((list(sub.absolute_path), sub.message))
    return hasil


def tunjuk(path):
    return "/" + "/".join(str(p) for p in path)


# Broken copies of a valid META.json: (what, where the error must be reported, how to break it).
def rusak(meta):
    def ubah(path, nilai):
        def f(m):
            t = m
            for p in path[:-1]:
                t = t[p]
            if nilai is HAPUS:
                del t[path[-1]]
            else:
                t[path[-1]] = nilai
        return f
    kasus = [
        ("version not a SemVer", ["version"], ubah(["version"], "1.1")),
        ("abstract missing", [], ubah(["abstract"], HAPUS)),
        ("empty description", ["description"], ubah(["description"], "")),
        ("a top-level key the spec does not define", [], ubah(["homepage"], "https://dtks.invalid/")),
        ("provides file through a parent directory", ["provides", "dtks", "file"],
         ubah(["provides", "dtks", "file"], "../sql/dtks--1.1.sql")),
        ("provides without version", ["provides", "dtks"], ubah(["provides", "dtks", "version"], HAPUS)),
        ("extension name with a space", ["provides"],
         lambda m: m["provides"].__setitem__("dt ks", m["provides"].pop("dtks"))),
        ("repository url not a URI", ["resources", "repository", "url"],
         ubah(["resources", "repository", "url"], "dtks repository")),
        ("repository type not lowercase", ["resources", "repository", "type"],
         ubah(["resources", "repository", "type"], "Git")),
        ("resources with none of homepage, bugtracker, repository", ["resources"],
         ubah(["resources"], {"x_catatan": "none"})),
        ("bugtracker web not a URI", ["resources", "bugtracker", "web"],
         ubah(["resources", "bugtracker"], {"web": "not a uri"})),
        ("meta-spec 2.0.0", ["meta-spec", "version"], ubah(["meta-spec", "version"], "2.0.0")),
        ("prerequisite version not a SemVer", ["prereqs", "runtime", "requires", "PostgreSQL"],
         ubah(["prereqs", "runtime", "requires", "PostgreSQL"], "15")),
        ("unknown prerequisite phase", ["prereqs"], ubah(["prereqs", "install"], {"requires": {"plpgsql": 0}})),
        ("tag with a slash", ["tags", 1], ubah(["tags", 1], "DTKS/DTSEN")),
        ("license shortcut spelled wrong", ["license"], ubah(["license"], "PostgreSQL")),
        ("no maintainer", ["maintainer"], ubah(["maintainer"], [])),
        ("release_status not one of the three", ["release_status"], ubah(["release_status"], "final")),
    ]
    for apa, di, f in kasus:
        m = copy.deepcopy(meta)
        f(m)
        yield apa, di, m


HAPUS = object()


# META.json says the version and install script that dtks.control makes.
def sesuai_control(meta):
    control = (ROOT / "dtks.control").read_text(encoding="utf-8")
    versi = re.search(r"^default_version\s*=\s*'([^']+)'", control, re.M).group(1)
    salah = []
    harap = versi if versi.count(".") == 2 else versi + ".0"
    if meta.get("version") != harap:
        salah.append(f"version is {meta.get('version')!r}, dtks.control's default_version {versi!r} gives {harap!r}")
    dtks = meta.get("provides", {}).get("dtks", {})
    if dtks.get("version") != harap:
        salah.append(f"provides.dtks.version is {dtks.get('version')!r}, not {harap!r}")
    if dtks.get("file") != f"sql/dtks--{versi}.sql":
        salah.append(f"provides.dtks.file is {dtks.get('file')!r}, not the install script sql/dtks--{versi}.sql")
    if dtks.get("docfile") and not (ROOT / dtks["docfile"]).is_file():
        salah.append(f"provides.dtks.docfile {dtks['docfile']} does not exist")
    return salah


def main():
    berkas = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "META.json")
    meta = json.loads(berkas.read_text(encoding="utf-8"))
    v = validator_v1()
    gagal = False

    for path, pesan in galat(v, meta):
        print(f"{berkas.name}: {tunjuk(path)}: {pesan}")
        gagal = True
    for pesan in sesuai_control(meta):
        print(f"{berkas.name}: {pesan}")
        gagal = True
    if gagal:
        print(f"{berkas.name}: NOT valid")
        return 1
    print(f"{berkas.name}: valid against the PGXN Meta Spec v1 ({meta['name']} {meta['version']}), agrees with dtks.control")

    # the validator works: the spec's examples, and broken copies of this META.json
    for contoh in sorted((HERE / "contoh").glob("*.json")):
        e = galat(v, json.loads(contoh.read_text(encoding="utf-8")))
        harap_sah = contoh.name != "invalid.json"
        if bool(e) == harap_sah:
            print(f"validator: the spec's example {contoh.name} is {'refused' if e else 'accepted'}: {e[:1]}")
            gagal = True
    n = 0
    for apa, di, m in rusak(meta):
        n += 1
        e = galat(v, m)
        if not e:
            print(f"validator: a META.json with {apa} is accepted")
            gagal = True
        elif not any(path == di for path, _ in e):
            print(f"validator: a META.json with {apa} is refused, but not at {tunjuk(di)}: {e}")
            gagal = True
    if gagal:
        return 1
    print(f"validator: the spec's examples as expected; {n} broken copies of {berkas.name} refused, each at the place broken")
    return 0


if __name__ == "__main__":
    sys.exit(main())
