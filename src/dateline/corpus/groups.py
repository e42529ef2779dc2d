"""Groups closed under links (union-find): near-duplicate groups, claims that agree."""
from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Iterable


class Groups:
    """Items joined by links; ``of(x)`` names x's group, ``members()`` lists every group."""

    def __init__(self, items: Iterable[Hashable] = ()):
        self._parent: dict[Hashable, Hashable] = {x: x for x in items}

    def of(self, x: Hashable) -> Hashable:
        parent = self._parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def link(self, x: Hashable, y: Hashable) -> None:
        self._parent[self.of(x)] = self.of(y)

    def members(self) -> list[list[Hashable]]:
        out: dict[Hashable, list[Hashable]] = defaultdict(list)
        for x in list(self._parent):
            out[self.of(x)].append(x)
        return list(out.values())
