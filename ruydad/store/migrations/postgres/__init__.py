"""The PostgreSQL dialect of every migration in the parent package, same number and name.

Each file here must create the same tables with the same columns in the same order as its DuckDB
twin, so that every Ruydad module reads both stores alike; ``tests/postgres`` checks the pairing.
"""
