"""The openCypher TCK run against graphkit's in-memory Cypher engine.

The feature files live outside the repository, in ``../shared/tck`` (see :data:`.features.TCK_ROOT`).
Run ``python -m tests.tck.run --summary docs/tck-summary.md`` for the pass rates by area, or
``pytest -m tck`` for the ratcheted floors.
"""
