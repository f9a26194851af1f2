"""Released migrations never change: each file in db/ is pinned by its SHA-256.

A workspace made by one release is upgraded by the next one replaying only the files it
lacks, so an edit to a released file never reaches the workspaces already made (003 was
edited once after its first commit: its current contents are what is pinned).  A new
migration is added as a new number, and its digest added here when it is released.
"""
import hashlib

from cchc_desktop import migrations

PINNED = {
    1: ("001_initial.sql", "e8d07dec886433c7a0d8820081711819a5d82f92bd906c44a7e091af9fb45afe"),
    2: ("002_registers_and_plans.sql", "fafda7400373cfba10a24cc088015b061bf73a0fc146358ff057288bd6b6bd68"),
    3: ("003_consolidation.sql", "577b0d68e90fd9c19e96b3e6716d3338eaaf2ba10e7cf69f70bab9363ed597af"),
    4: ("004_received_findings.sql", "75a01a6da96f86654d03538d04363c31ff1fc63cb14e381a9e0f9298eb010a7e"),
    5: ("005_received_checks.sql", "687c5b4f9315f51ec02d9871cb88024fd2eb60ed38a752864b7148bd988fd7a4"),
    6: ("006_received_plan_tasks.sql", "47ac85b93d99794c23c11607d523e8b3ee062af820e4a12dfbd81117735588bd"),
    7: ("007_unit_identity_and_periods.sql", "1cd7a7faa2ded16622ef0db29691d65a16c6d63dbccae3bb90a18dc5bb2c5131"),
    8: ("008_province_forms.sql", "f51b1c6dbdbd276aa73c578ec2446c2b5af17cd6b4f3534852d40067ba56dcaf"),
    9: ("009_received_unit_profile.sql", "62d89791555631cf57102de7ff686ecebb4ba816fd24868ee73dfc4963eee737"),
}


def test_released_migrations_are_unchanged():
    found = dict(migrations.available())
    for version, (name, digest) in PINNED.items():
        assert version in found, f"migration {name} is missing"
        path = found[version]
        assert path.name == name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, \
            f"{name} was edited after its release: add a new migration instead"


def test_no_migration_slipped_in_below_the_released_ones():
    # a file numbered inside the released range would never run on existing workspaces
    assert {v for v, _ in migrations.available() if v <= max(PINNED)} == set(PINNED)
