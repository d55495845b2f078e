"""The chunker, until :mod:`timeline.evaluate` imports it from :mod:`timeline.events`."""

from timeline.events import AUX, ING, NOUN, VERB, Chunk

__all__ = ["AUX", "ING", "NOUN", "VERB", "Chunk"]
