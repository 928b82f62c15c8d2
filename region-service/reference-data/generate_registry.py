#!/usr/bin/env python3
"""Generates the bundled copy of the region registry that tests of other services seed Kafka with.

The CSV files here are the one source of truth. From them come both the Flyway migration that region-service loads
(generate_migration.py) and this copy: one JSON object per line, exactly the data of the RegionRegistered events
region-service publishes from that migration (same fields, same version, same size), sorted by code.
region-service's RegionRegistryTest fails when the two disagree, so regenerate both when the CSV files change:

    python3 generate_registry.py > ../../platform/testing/src/main/resources/id/kotacerdas/testing/region-registry.v1.jsonl

registryVersion is the version of the newest reference-data migration (V<n>__reference_*.sql) in
../src/main/resources/db/migration, as region-service computes it.
"""
import csv
import json
import os
import re
import sys

MIGRATIONS = os.path.join(os.path.dirname(__file__) or ".", "..", "src", "main", "resources", "db", "migration")


def registry_version():
    versions = [int(m.group(1)) for m in (re.match(r"V(\d+)__reference", f) for f in os.listdir(MIGRATIONS)) if m]
    if not versions:
        sys.exit("no V<n>__reference_*.sql migration in " + MIGRATIONS)
    return max(versions)


def read(name):
    with open(os.path.join(os.path.dirname(__file__) or ".", name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main(out):
    provinces = read("provinces.csv")
    regencies = read("regencies.csv")
    changes = read("code-changes.csv")
    province_names = {p["code"]: p["name"] for p in provinces}
    regency_by_code = {r["code"]: r for r in regencies}
    replaces = {}
    for c in changes:
        replaces.setdefault(c["new_code"], []).append(c["old_code"])

    records = []
    for p in provinces:
        records.append(dict(code=p["code"], name=p["name"], level="PROVINCE", parentCode=None, provinceCode=p["code"],
                            provinceName=p["name"], administrative=False, replacedBy=None,
                            replaces=sorted(replaces.get(p["code"], []))))
    for r in regencies:
        records.append(dict(code=r["code"], name=r["name"], level=r["type"], parentCode=r["province_code"],
                            provinceCode=r["province_code"], provinceName=province_names[r["province_code"]],
                            administrative=r["administrative"] == "true", replacedBy=None,
                            replaces=sorted(replaces.get(r["code"], []))))
    for c in changes:
        successor = regency_by_code[c["new_code"]]
        records.append(dict(code=c["old_code"], name=c["name"], level=successor["type"],
                            parentCode=c["old_province_code"], provinceCode=c["old_province_code"],
                            provinceName=province_names[c["old_province_code"]],
                            administrative=successor["administrative"] == "true", replacedBy=c["new_code"],
                            replaces=[]))
    records.sort(key=lambda rec: rec["code"])
    codes = [rec["code"] for rec in records]
    if len(set(codes)) != len(codes):
        sys.exit("duplicate codes in the registry")
    version = registry_version()
    for rec in records:
        rec["registryVersion"] = version
        rec["registrySize"] = len(records)
        out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main(sys.stdout)
