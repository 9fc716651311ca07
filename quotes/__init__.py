"""quotes: who said what, and when.

The package is layered so that each layer can be used on its own:

- ``quotes.extract`` and ``quotes.match``: the pure core. Text in, quotes,
  speakers and dates out; strings in, matches out. No database, no I/O.
- ``quotes.sources``: turning files, folders, stdin and URLs into articles.
- ``quotes.storage``: models, sessions and queries; the only place that talks SQL.
- ``quotes.services``: the library API that the CLI wraps (import, merge,
  search, topics, stance, export).
- ``quotes.cli``: a thin click layer over the services.
"""

__version__ = "0.1.0"
