"""Arabic text layer: normalization with an offset map, tokenization, sentence segmentation."""

from qala.text.normalize import Normalized, norm, normalize
from qala.text.segment import segment_sentences
from qala.text.tokenize import tokenize

__all__ = ["Normalized", "norm", "normalize", "segment_sentences", "tokenize"]
