"""Start-up: the command line loads only what the command in hand needs.

Each check runs in a fresh interpreter, because this test process has long since imported
everything. Speed itself is measured by scripts/bench_cli.py, never asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ruydad.store import Store

HEAVY = ("scipy", "sklearn", "spacy", "pyspark", "ibis")
"""Never loaded by importing the CLI or printing its help (issue 13)."""
NOT_FOR_HELP = (*HEAVY, "pandas", "fastapi", "trafilatura", "duckdb", "pyarrow", "numpy", "sqlglot", "psycopg")
"""Not loaded to print `ruydad --help` either: the store and the engines wait for a command."""

LAZY_PACKAGES = ("ruydad", "ruydad.analysis", "ruydad.actors", "ruydad.geo", "ruydad.spark", "ruydad.store")


def loaded_after(code: str, *names: str) -> list[str]:
    """Which of ``names`` are in sys.modules after running ``code`` in a fresh interpreter."""
    probe = (f"import sys\n{code}\nimport json\n"
             f"print(json.dumps(sorted(n for n in {list(names)!r} if n in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def test_importing_the_cli_loads_no_scipy_sklearn_spacy_pyspark_or_ibis() -> None:
    assert loaded_after("import ruydad.cli", *HEAVY) == []


def test_building_every_command_for_help_loads_no_engine() -> None:
    # typer reads every command's signature to print the help: that too must stay light
    code = "import typer.main\nfrom ruydad.cli import app\ntyper.main.get_command(app)"
    assert loaded_after(code, *NOT_FOR_HELP) == []


def test_ruydad_help_runs_without_loading_the_store_or_engines() -> None:
    code = ("import sys\nsys.argv = ['ruydad', '--help']\nfrom ruydad.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    assert loaded_after(code, *NOT_FOR_HELP) == []


def test_grouped_stats_from_the_summary_load_no_pandas(tmp_path: Path) -> None:
    """Shares of a grouped figure are worked out on Arrow's own arrays: building an array from Python
    values would load pandas (a third of a second of `ruydad stats`)."""
    from ruydad.ingest import ingest_file

    db = tmp_path / "s.duckdb"
    with Store.open(db) as store:
        ingest_file(store, Path(__file__).resolve().parents[2] / "ruydad" / "data" / "sample"
                    / "ucdp_aec_afghanistan.csv", "ucdp")
    for args in (["stats", "--by", "admin1"], ["stats", "--by", "event_type", "--format", "json"]):
        code = (f"import sys\nsys.argv = ['ruydad', '--db', {str(db)!r}, *{args!r}]\nfrom ruydad.cli import main\n"
                "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code")
        assert loaded_after(code, "pandas") == [], args


def test_status_reads_the_store_without_the_analysis_engines(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store.open(db).close()  # created and migrated here: migrations pass parameters, which loads pandas
    code = (f"import sys\nsys.argv = ['ruydad', '--db', {str(db)!r}, 'status']\nfrom ruydad.cli import main\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code")
    assert loaded_after(code, *HEAVY, "pandas", "pyarrow") == []
    assert db.exists()


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_public_name_of_a_lazy_package_resolves(package: str) -> None:
    code = (f"import importlib, types\np = importlib.import_module({package!r})\n"
            "missing = [n for n in p.__all__ if not hasattr(p, n)]\n"
            "assert not missing, missing\n"
            "modules = [n for n in p.__all__ if isinstance(getattr(p, n), types.ModuleType)]\n"
            "assert not modules, modules")
    assert loaded_after(code) == []


def test_a_function_named_like_its_module_stays_the_function() -> None:
    # ruydad.geo.locate is a module and the function ruydad.geo exports; importing the module
    # first must not replace the function on the package
    code = ("import ruydad.geo.locate\nimport types\nfrom ruydad.geo import locate\n"
            "assert callable(locate) and not isinstance(locate, types.ModuleType), locate")
    assert loaded_after(code) == []


def test_a_cached_result_is_built_once_and_again_when_its_inputs_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ruydad.cache import KEEP_VERSIONS, cached

    monkeypatch.setenv("RUYDAD_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "units.csv"
    data.write_text("pcode\nAF01\n")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"rows": len(data.read_text().splitlines()) - 1}

    assert cached("units", [data], "", build) == {"rows": 1}
    assert cached("units", [data], "", build) == {"rows": 1}
    assert len(builds) == 1
    data.write_text("pcode\nAF01\nAF02\n")
    assert cached("units", [data], "", build) == {"rows": 2}
    assert len(builds) == 2
    assert cached("units", [data], "", build) == {"rows": 2}
    assert len(builds) == 2
    for path in (tmp_path / "cache").glob("units-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert cached("units", [data], "", build) == {"rows": 2}  # a damaged file is rebuilt, not an error
    assert len(builds) == 3
    for rows in range(3, 8):  # more versions of the inputs: only the most recent few are kept
        data.write_text("pcode\n" + "".join(f"AF{i:02d}\n" for i in range(rows)))
        cached("units", [data], "", build)
    assert len(list((tmp_path / "cache").glob("units-*.pickle"))) == KEEP_VERSIONS
    monkeypatch.setenv("RUYDAD_CACHE_DIR", "off")
    cached("units", [data], "", build)
    cached("units", [data], "", build)
    assert len(builds) == 3 + 5 + 2


def test_the_gazetteer_from_the_cache_equals_a_fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ruydad.geo.gazetteer import build_gazetteer, load_gazetteer
    from ruydad.theatres import theatre_info

    monkeypatch.setenv("RUYDAD_CACHE_DIR", str(tmp_path))
    load_gazetteer.cache_clear()
    try:
        load_gazetteer("afghanistan")  # builds and stores
        load_gazetteer.cache_clear()
        from_disk = load_gazetteer("afghanistan")
        assert list(tmp_path.glob("gazetteer-afghanistan-*.pickle"))
        fresh = build_gazetteer(theatre_info("afghanistan"))
        assert from_disk.spellings == fresh.spellings and from_disk.units == fresh.units
        assert from_disk.by_key == fresh.by_key
    finally:
        load_gazetteer.cache_clear()
