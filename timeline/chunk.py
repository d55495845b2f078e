"""The chunker's old import path, kept until the evaluation imports it from timeline.events."""

from timeline.events import AUX, ING, NOUN, VERB, Chunk

__all__ = ["AUX", "ING", "NOUN", "VERB", "Chunk"]
