"""Pure extraction core: ``text, publication date -> quotes``.

No database, no I/O. ``extract_quotes`` is the single entry point.
"""

from quotes.extract.engine import extract_quotes
from quotes.extract.model import DatePrecision, ExtractedQuote, QuoteKind, SpeakerKind

__all__ = ["DatePrecision", "ExtractedQuote", "QuoteKind", "SpeakerKind", "extract_quotes"]
