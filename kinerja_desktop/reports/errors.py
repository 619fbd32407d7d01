"""What the renderers raise when a document cannot be laid out, said in Indonesian for the user."""

from __future__ import annotations


class DocumentLayoutError(Exception):
    """The content does not fit the page in any way (a single row taller than a page, an image that cannot
    be read); the message says what to shorten or fix."""
