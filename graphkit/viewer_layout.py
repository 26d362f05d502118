"""Node positions for the HTML view, in pure Python (networkx's layouts need numpy).

Each connected component starts from a radial layout (rings of breadth-first levels around its
best-connected node, children next to their parents), is relaxed by a few rounds of a
Fruchterman-Reingold force layout whose repulsion only looks at nearby nodes (a grid), and the
components are then packed in rows, biggest first. A 5,000-node graph takes about a second.

Examples
--------
>>> import networkx as nx
>>> positions = spring_positions(nx.path_graph(4))
>>> sorted(positions), all(isinstance(x, float) for x, _ in positions.values())
([0, 1, 2, 3], True)
>>> len({(round(x), round(y)) for x, y in positions.values()})
4
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Hashable

import networkx as nx

SPACING = 80.0  # ideal distance between neighbours, in vis-network canvas pixels
Point = tuple[float, float]


def spring_positions(graph: nx.Graph, rounds: int | None = None) -> dict[Hashable, Point]:
    """Return an (x, y) position for every node; ``rounds`` of force relaxation (default by size)."""
    undirected = nx.Graph(graph.to_undirected(as_view=True)) if graph.is_directed() else nx.Graph(graph)
    undirected.remove_edges_from(nx.selfloop_edges(undirected))
    if rounds is None:
        rounds = max(8, min(60, 60_000 // max(1, undirected.number_of_nodes())))
    components = sorted(nx.connected_components(undirected), key=len, reverse=True)
    placed = [_relax(undirected.subgraph(nodes), _radial(undirected.subgraph(nodes)), rounds)
              for nodes in components]
    return _pack(placed)


def _radial(component: nx.Graph) -> dict[Hashable, Point]:
    """Breadth-first rings around the highest-degree node; each ring ordered by its parents' angles."""
    root = max(component.nodes, key=lambda node: (component.degree(node), str(node)))
    angle = {root: 0.0}
    positions: dict[Hashable, Point] = {root: (0.0, 0.0)}
    level, ring = 0, [root]
    seen = {root}
    while ring:
        level += 1
        children = []
        for parent in ring:
            for child in component.neighbors(parent):
                if child not in seen:
                    seen.add(child)
                    children.append((angle[parent], child))
        children.sort(key=lambda item: item[0])
        radius = max(level * SPACING, len(children) * SPACING / (2 * math.pi))
        for index, (_, child) in enumerate(children):
            angle[child] = 2 * math.pi * index / max(1, len(children))
            positions[child] = (radius * math.cos(angle[child]), radius * math.sin(angle[child]))
        ring = [child for _, child in children]
    return positions


def _relax(component: nx.Graph, positions: dict[Hashable, Point], rounds: int) -> dict[Hashable, Point]:
    """Fruchterman-Reingold rounds; repulsion from nodes in the same or adjacent grid cells only."""
    if len(positions) < 2:
        return positions
    k, cell = SPACING, 2 * SPACING
    x = {node: point[0] for node, point in positions.items()}
    y = {node: point[1] for node, point in positions.items()}
    temperature = SPACING * 2
    for step in range(rounds):
        grid: dict[tuple[int, int], list[Hashable]] = defaultdict(list)
        for node in x:
            grid[int(x[node] // cell), int(y[node] // cell)].append(node)
        dx = dict.fromkeys(x, 0.0)
        dy = dict.fromkeys(x, 0.0)
        for (gx, gy), members in grid.items():
            near = [other for ox in (-1, 0, 1) for oy in (-1, 0, 1) for other in grid.get((gx + ox, gy + oy), ())]
            for node in members:
                nx_, ny_ = x[node], y[node]
                for other in near:
                    if other is node:
                        continue
                    ddx, ddy = nx_ - x[other], ny_ - y[other]
                    distance2 = ddx * ddx + ddy * ddy or 0.01
                    if distance2 < cell * cell:
                        force = k * k / distance2
                        dx[node] += ddx * force
                        dy[node] += ddy * force
        for a, b in component.edges:
            ddx, ddy = x[a] - x[b], y[a] - y[b]
            distance = math.sqrt(ddx * ddx + ddy * ddy) or 0.01
            force = distance / k
            dx[a] -= ddx * force
            dy[a] -= ddy * force
            dx[b] += ddx * force
            dy[b] += ddy * force
        for node in x:
            length = math.sqrt(dx[node] ** 2 + dy[node] ** 2)
            if length > 0:
                move = min(length, temperature)
                x[node] += dx[node] / length * move
                y[node] += dy[node] / length * move
        temperature = SPACING * 2 * (1 - (step + 1) / rounds) + 1
    return {node: (x[node], y[node]) for node in x}


def _pack(layouts: list[dict[Hashable, Point]]) -> dict[Hashable, Point]:
    """Place component layouts side by side in rows about as wide as the biggest one."""
    result: dict[Hashable, Point] = {}
    boxes = []
    for positions in layouts:
        xs = [p[0] for p in positions.values()]
        ys = [p[1] for p in positions.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + SPACING, max(ys) - min(ys) + SPACING))
    total_area = sum(width * height for _, _, width, height in boxes)
    row_width = max(boxes[0][2], math.sqrt(total_area)) if boxes else 0.0
    cursor_x = cursor_y = row_height = 0.0
    queue = deque(zip(layouts, boxes))
    while queue:
        positions, (left, top, width, height) = queue.popleft()
        if cursor_x > 0 and cursor_x + width > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height, 0.0
        for node, (px, py) in positions.items():
            result[node] = (float(px - left + cursor_x), float(py - top + cursor_y))
        cursor_x += width
        row_height = max(row_height, height)
    return result
