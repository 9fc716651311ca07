"""Storage: models, sessions and queries; the only package that talks SQL."""

from quotes.storage.database import Database, open_database, resolve_url

__all__ = ["Database", "open_database", "resolve_url"]
