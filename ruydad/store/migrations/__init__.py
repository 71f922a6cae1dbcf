"""Hand-written SQL of schema versions, where a version needs more than the DDL the declaration renders.

See ``README.md`` here and :mod:`ruydad.store.schema`: tables and columns are declared there; a file
``NNNN_name.sql`` holds only what cannot be declared (moving data, a backfill), in SQL both backends read.
"""
