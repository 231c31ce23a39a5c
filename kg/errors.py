"""Exceptions raised by kg; each message says what is wrong and where."""


class KgError(Exception):
    """Base of every error kg raises for bad input or settings."""


class DocumentError(KgError):
    """A document could not be read (missing, empty, binary, malformed)."""


class ModelError(KgError):
    """The spaCy pipeline could not be loaded."""


class ActorFileError(KgError):
    """A user actor file is malformed."""


class GraphFileError(KgError):
    """A graph file could not be read or written."""


class RenderError(KgError):
    """The graph page could not be rendered or written."""
