"""Errors and warning codes that users catch or filter on."""

from __future__ import annotations

from typing import Any, Dict

from . import _native

__all__ = ["DocumentError", "WARNING_CODES", "INPUT_WARNING_CODES"]

#: Codes that the Python layer adds to ``documents["warnings"]`` before extraction.
INPUT_WARNING_CODES: Dict[str, str] = {
    "bad-date": "the published value could not be read as a date; the document's date is null",
    "file-path": "the text is the path of an existing file, not an article (use read_articles)",
    "surrogates": "lone surrogate code points (not valid Unicode text) were replaced by U+FFFD, offsets unchanged",
}

#: Every warning code a ``documents["warnings"]`` entry can start with, and what it means.
WARNING_CODES: Dict[str, str] = {
    "null-text": "the text is null; the document has no rows",
    "empty-text": "the text is empty or only whitespace; the document has no rows",
    "binary": "the text looks like binary data (control characters); skipped",
    "truncated": "the text was longer than max_chars and was cut; rows come from the kept part",
    "no-date": "no publication date: relative dates ('on Friday') are not resolved",
    "not-english": "the text is in another language (its ISO 639-1 code follows); rules are for English",
    "html": "the text was HTML: 'markup removed' (html='auto': reduced to its article text, which "
            "Extraction.texts holds and offsets index) or 'not cleaned' (html='keep', or tags too few to "
            "call it a page: analysed as it is)",
    "internal-error": "extraction failed on this document; it has no rows (please report it)",
    **INPUT_WARNING_CODES,
}
assert set(_native.WARNING_CODES) <= set(WARNING_CODES), "a native warning code is not documented"


class DocumentError(RuntimeError):
    """Extraction failed on one document (raised only with ``errors="raise"``).

    Attributes
    ----------
    index
        Row number of the document in the input (0-based).
    doc_id
        Its ``doc_id``: the id column's value, or the row number.
    message
        What went wrong inside the core.

    Examples
    --------
    >>> import newsframe as nf
    >>> try:
    ...     res = nf.Extractor(errors="raise").extract(["Kyiv was calm."])
    ... except nf.DocumentError as e:
    ...     print(e.index, e.doc_id, e.message)
    ... else:
    ...     print("no document failed")
    no document failed
    """

    def __init__(self, index: int, doc_id: Any, message: str) -> None:
        self.index = index
        self.doc_id = doc_id
        self.message = message
        super().__init__(f"document {doc_id!r} (row {index}): {message}")

    def __reduce__(self) -> Any:  # picklable across processes
        return (DocumentError, (self.index, self.doc_id, self.message))
