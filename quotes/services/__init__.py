"""The library API that the CLI wraps: import, merge, search, topics, stance, export."""
