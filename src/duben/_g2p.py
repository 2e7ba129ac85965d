"""g2pM's polyphone model, scored per candidate reading.

g2pM (Park & Lee, Interspeech 2020; Apache-2.0) ships a one-layer BiLSTM with its
weights as NumPy arrays. Its own ``G2pM.__call__`` returns only the arg-max over all
876 reading classes; :mod:`duben.pinyin` needs the model's probabilities over the few
readings a character actually has, so it can weigh the model against phrase data and
rules. This module runs the same forward pass and returns those probabilities.

Imported only by :mod:`duben.pinyin`, on first use; g2pM and NumPy are imported here
and nowhere else.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

__all__ = ["PolyphoneModel", "default_model"]

_BOS, _EOS, _UNK = "시", "끝", "<UNK>"


class PolyphoneModel:
    """Probabilities of each reading of the polyphones in a sentence."""

    def __init__(self) -> None:
        import importlib.resources
        import pickle

        import numpy as np

        # g2pM's own package files, read the way G2pM() reads them but with the files
        # closed again (G2pM() leaves them open, which warns).
        package = importlib.resources.files("g2pM")

        def load(name: str) -> Any:
            with package.joinpath(name).open("rb") as handle:
                return pickle.load(handle)

        self._np = np
        self._candidates: dict[str, list[str]] = load("digest_cedict.pkl")
        self._char_ids: dict[str, int] = load("char2idx.pkl")
        self._class_ids: dict[str, int] = load("class2idx.pkl")
        state = load("np_ckpt.pkl")
        self._embeddings = state["embedding.weight"]
        self._forward = (
            state["lstm.weight_ih_l0"],
            state["lstm.weight_hh_l0"],
            state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"],
        )
        self._backward = (
            state["lstm.weight_ih_l0_reverse"],
            state["lstm.weight_hh_l0_reverse"],
            state["lstm.bias_ih_l0_reverse"] + state["lstm.bias_hh_l0_reverse"],
        )
        self._hidden = (
            state["logit_layer.0.weight"],
            state["logit_layer.0.bias"],
            state["logit_layer.2.weight"],
            state["logit_layer.2.bias"],
        )

    def knows(self, char: str) -> bool:
        """Whether the model has more than one reading to choose from for ``char``."""
        return len(self._candidates.get(char, ())) > 1

    def _run(self, batch: list[Any]) -> list[Any]:
        """Hidden states of both directions for each input sequence, one row per position.

        Sequences run together, padded to the longest: the forward direction reads each
        from its start, the backward one from its own end, so padding never reaches a
        real position.
        """
        np = self._np
        (forward_ih, forward_hh, forward_bias), (backward_ih, backward_hh, backward_bias) = self._forward, self._backward
        lengths = [len(x) for x in batch]
        steps, count, size = max(lengths), len(batch), forward_hh.shape[1]
        width = batch[0].shape[1]
        ahead = np.zeros((count, steps, width))
        behind = np.zeros((count, steps, width))
        for b, inputs in enumerate(batch):
            ahead[b, : lengths[b]] = inputs
            behind[b, : lengths[b]] = inputs[::-1]
        # Input projections of every step at once; the recurrence then runs both
        # directions together, one matrix product per direction and step.
        ahead = ahead @ forward_ih.T + forward_bias
        behind = behind @ backward_ih.T + backward_bias
        h = np.zeros((2, count, size))
        c = np.zeros((2, count, size))
        out = np.empty((2, count, steps, size))
        for t in range(steps):
            gates = np.stack((ahead[:, t] + h[0] @ forward_hh.T, behind[:, t] + h[1] @ backward_hh.T))
            sig = 1 / (1 + np.exp(-gates))
            c = sig[..., size : 2 * size] * c + sig[..., :size] * np.tanh(gates[..., 2 * size : 3 * size])
            h = sig[..., 3 * size :] * np.tanh(c)
            out[:, :, t] = h
        return [
            np.concatenate([out[0, b, : lengths[b]], out[1, b, : lengths[b]][::-1]], axis=1) for b in range(count)
        ]

    def probabilities(self, sentence: str, positions: Sequence[int]) -> dict[int, dict[str, float]]:
        """For each position of a polyphone the model knows: its readings and their probabilities.

        Readings are numbered syllables as g2pM writes them (``lu:4`` is returned as ``lv4``).
        Positions whose character the model does not know as a polyphone are left out.
        """
        return self.probabilities_of_many([(sentence, positions)])[0]

    def probabilities_of_many(
        self, requests: Sequence[tuple[str, Sequence[int]]], batch_size: int = 64
    ) -> list[dict[int, dict[str, float]]]:
        """:meth:`probabilities` for many sentences, run in batches of similar length."""
        np = self._np
        unknown = self._char_ids[_UNK]
        results: list[dict[int, dict[str, float]]] = [{} for _ in requests]
        todo = []
        for number, (sentence, positions) in enumerate(requests):
            wanted = [p for p in positions if self.knows(sentence[p])]
            if wanted:
                todo.append((number, sentence, wanted))
        todo.sort(key=lambda item: len(item[1]))
        weight0, bias0, weight1, bias1 = self._hidden
        for first in range(0, len(todo), batch_size):
            chunk = todo[first : first + batch_size]
            inputs = [
                np.take(
                    self._embeddings,
                    [self._char_ids[_BOS], *(self._char_ids.get(c, unknown) for c in sentence), self._char_ids[_EOS]],
                    axis=0,
                )
                for _, sentence, _ in chunk
            ]
            for (number, sentence, wanted), states in zip(chunk, self._run(inputs), strict=True):
                found = results[number]
                for position in wanted:
                    hidden = np.maximum(states[position + 1] @ weight0.T + bias0, 0)
                    logits = hidden @ weight1.T + bias1
                    readings = [r for r in self._candidates[sentence[position]] if r in self._class_ids]
                    if not readings:
                        continue
                    scores = np.array([logits[self._class_ids[r]] for r in readings])
                    scores = np.exp(scores - scores.max())
                    scores /= scores.sum()
                    found[position] = {r.replace("u:", "v"): float(s) for r, s in zip(readings, scores, strict=True)}
        return results


@functools.lru_cache(maxsize=1)
def default_model() -> PolyphoneModel | None:
    """The shared model, loaded on first use; ``None`` when g2pM is not installed."""
    try:
        return PolyphoneModel()
    except (ImportError, FileNotFoundError):
        return None
